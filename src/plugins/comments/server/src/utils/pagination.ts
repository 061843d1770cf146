export interface PageRequest {
  page: number;
  pageSize: number;
  /** Strapi's `pagination[withCount]`: false leaves `pageCount` and `total` out (and skips counting). */
  withCount?: boolean;
  /** Order by creation time; each list has its own default. */
  direction?: 'asc' | 'desc';
}

export const paginationMeta = ({ page, pageSize, withCount = true }: PageRequest, total: number) => ({
  pagination: withCount ? { page, pageSize, pageCount: Math.ceil(total / pageSize), total } : { page, pageSize },
});

/** One page of a plugin table through the Query Engine, newest first unless asked otherwise, with Strapi's pagination meta. */
export const newestFirstPage = async <Row, Item>(
  query: { findMany(params: object): Promise<Row[]>; count(params: object): Promise<number> },
  where: Record<string, unknown>,
  page: PageRequest,
  toItem: (row: Row) => Item
) => {
  const direction = page.direction ?? 'desc';
  const [rows, total] = await Promise.all([
    query.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    }),
    page.withCount === false ? 0 : query.count({ where }),
  ]);
  return { data: rows.map(toItem), meta: paginationMeta(page, total) };
};
