export const ROLES = ['rep', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { rep: 0, lead: 1, admin: 2 };

/** An admin can do all a team lead can, and a team lead all a rep can. */
export const hasRole = (actual: Role, required: Role): boolean => RANK[actual] >= RANK[required];
