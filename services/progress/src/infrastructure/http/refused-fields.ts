import type { ErrorRequestHandler } from 'express';
import { Problem, RequestValidationError, type FieldError } from '@relais/platform';
import { namesTrackingData } from '../../domain/tracking-data';

const notRecorded =
  'This platform does not record connection time, clicks, pages or resources viewed, ' +
  'or any other trace of how you work (the ministry’s commitment): it keeps only whether you ' +
  'declared an activity done (the full list: GET /api/progress/not-recorded).';

function undeclaredFieldsOf(error: RequestValidationError): string[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [],
  );
}

/** `0.views` → is `views` a name of tracking data? */
function namesTrackingDataAt(path: string): boolean {
  return namesTrackingData(path.split('.').at(-1) ?? path);
}

/**
 * L2 at the edge. The platform already refuses undeclared fields (strict schemas); in this service,
 * where a client would report time spent or clicks, the refusal also says why: such data is not
 * recorded. Fields named like tracking data get their own code, TRACKING_DATA_REFUSED; any other
 * undeclared field keeps the platform's UNKNOWN_FIELDS code with the same explanation.
 * Mounted on the service's router after its routes, so it sees their validation errors first.
 */
export const explainRefusedFields: ErrorRequestHandler = (error, _req, _res, next) => {
  if (!(error instanceof RequestValidationError)) return next(error);
  const undeclared = undeclaredFieldsOf(error);
  if (undeclared.length === 0) return next(error);
  const tracking = undeclared.filter(namesTrackingDataAt);
  const errors: FieldError[] = undeclared.map((path) => ({
    in: error.part,
    path,
    message: namesTrackingDataAt(path)
      ? 'Tracking data: not recorded on this platform'
      : 'Unknown field: not recorded on this platform',
  }));
  next(
    tracking.length > 0
      ? new Problem({
          status: 400,
          code: 'TRACKING_DATA_REFUSED',
          title: 'Tracking data refused',
          detail: `${notRecorded} Remove ${tracking.join(', ')} from the request ${error.part} and send it again.`,
          extensions: { errors },
        })
      : new Problem({
          status: 400,
          code: 'UNKNOWN_FIELDS',
          title: 'Unknown fields',
          detail: `The request ${error.part} contains fields this API does not accept: ${undeclared.join(', ')}. ${notRecorded} Send only the documented fields.`,
          extensions: { errors },
        }),
  );
};
