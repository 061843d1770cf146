export interface PageRequest {
  page: number;
  pageSize: number;
}

export const paginationMeta = ({ page, pageSize }: PageRequest, total: number) => ({
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});

/** One page of a plugin table through the Query Engine, newest first, with Strapi's pagination meta. */
export const newestFirstPage = async <Row, Item>(
  query: { findMany(params: object): Promise<Row[]>; count(params: object): Promise<number> },
  where: Record<string, unknown>,
  page: PageRequest,
  toItem: (row: Row) => Item
) => {
  const [rows, total] = await Promise.all([
    query.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    }),
    query.count({ where }),
  ]);
  return { data: rows.map(toItem), meta: paginationMeta(page, total) };
};
