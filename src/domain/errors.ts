/**
 * Typed errors a use case throws when a request cannot be carried out. They carry a Danish message
 * (and the field it concerns, where there is one); the API maps them to its one error shape in one
 * place (src/api/errors.ts), the CLI prints the message.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: "not_found" | "conflict" | "invalid";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends DomainError {
  readonly kind = "not_found" as const;
}

/** The request clashes with the current state (a code already taken, a run already going). */
export class ConflictError extends DomainError {
  readonly kind = "conflict" as const;
}

/** A field of the request holds a value the use case cannot accept. */
export class InvalidFieldError extends DomainError {
  readonly kind = "invalid" as const;
}

/** «<what> findes ikke», the one wording for a missing thing. */
export const notFound = (what: string) => new NotFoundError(`${what} findes ikke`);
