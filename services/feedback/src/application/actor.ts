/** Who calls a use case, as the identity provider vouches for it (roles are checked at the edge). */
export interface Actor {
  id: string;
  name: string;
}

export interface RequestContext {
  actor: Actor;
  correlationId: string;
}
