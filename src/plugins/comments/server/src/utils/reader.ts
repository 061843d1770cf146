/** The users-permissions user Strapi authenticated for this request (`ctx.state.user`). */
export interface Reader {
  id: number;
  documentId: string;
  email: string;
  username: string;
  confirmed?: boolean;
  blocked?: boolean;
  createdAt?: string | Date;
}
