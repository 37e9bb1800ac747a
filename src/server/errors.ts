/** An answer other than 2xx: the status and `{ error, problems? }` (contracts.md). */
import type { Problem } from '../sim/scenario';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, problems?: Problem[]) => new HttpError(400, message, problems);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const invalid = (message: string, problems: Problem[]) => new HttpError(422, message, problems);
