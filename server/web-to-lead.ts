import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Deps } from './deps.ts';
import { formFor, originAllowed, submitForm, SubmissionError } from './services/forms.ts';
import type { FormRecord } from './store/types.ts';

/** Form posts a visitor's IP may make per window: enough for a person, too few for a flood. */
export const FORM_LIMIT_PER_IP = 20;
/** Posts one form accepts per window from everyone together. */
export const FORM_LIMIT_PER_FORM = 600;
export const FORM_LIMIT_WINDOW_MS = 10 * 60_000;

const FORM_BODY_LIMIT = '32kb';

/** JSON for scripts (a JSON body or an Accept that prefers it); a page or plain text for browsers. */
const wantsJson = (req: Request): boolean => Boolean(req.is('application/json')) || req.accepts(['html', 'json']) === 'json';

function refuse(req: Request, res: Response, status: number, message: string, fields: string[] = []): void {
  if (wantsJson(req)) {
    res.status(status).json({ ok: false, error: { message, fields } });
  } else {
    // Plain text: the message can quote what the visitor typed, and it must never become markup.
    res.status(status).type('text/plain').send(`${message}\n`);
  }
}

function corsFor(form: FormRecord, req: Request, res: Response): boolean {
  const origin = req.headers.origin;
  if (!originAllowed(form, origin)) return false;
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', form.allowedOrigins.length === 0 ? '*' : origin);
    res.setHeader('Vary', 'Origin');
  }
  return true;
}

/**
 * The public web-to-lead endpoint: `POST /forms/:formKey`, urlencoded (a plain HTML form) or
 * JSON (a script). It answers with a redirect to the form's thank-you page, or with JSON.
 */
export function webToLeadRoutes(deps: Deps): express.Router {
  const routes = express.Router();
  const limited = (req: Request, res: Response) => refuse(req, res, 429, 'too many submissions; try again in a few minutes');
  const limits = deps.settings.formLimits ?? { perIp: FORM_LIMIT_PER_IP, perForm: FORM_LIMIT_PER_FORM, windowMs: FORM_LIMIT_WINDOW_MS };
  const perIp = rateLimit({
    windowMs: limits.windowMs,
    limit: limits.perIp,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: limited,
  });
  const perForm = rateLimit({
    windowMs: limits.windowMs,
    limit: limits.perForm,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => `form:${String(req.params.formKey)}`,
    handler: limited,
  });

  routes.options('/forms/:formKey', (req, res) => {
    const form = deps.repos.forms.get(req.params.formKey);
    if (!form || !corsFor(form, req, res)) {
      res.status(form ? 403 : 404).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  routes.post(
    '/forms/:formKey',
    perIp,
    perForm,
    express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: 200 }),
    express.json({ limit: FORM_BODY_LIMIT }),
    async (req: Request<{ formKey: string }>, res: Response) => {
      try {
        const form = formFor(deps, req.params.formKey);
        if (!corsFor(form, req, res)) throw new SubmissionError(403, `this form does not accept posts from ${req.headers.origin}`);
        const body: unknown = req.body;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new SubmissionError(400, 'send the form fields as application/x-www-form-urlencoded or as a JSON object');
        }
        await submitForm(deps, form, body as Record<string, unknown>, { refererHeader: req.headers.referer });
        if (form.redirectUrl && !wantsJson(req)) res.redirect(303, form.redirectUrl);
        else res.status(200).json({ ok: true });
      } catch (err) {
        if (err instanceof SubmissionError) refuse(req, res, err.status, err.message, err.fields);
        else {
          deps.log.error('form submission failed', { err: String(err) });
          refuse(req, res, 500, 'the submission could not be saved; try again');
        }
      }
    },
  );

  // Unreadable bodies (bad JSON, too large) answer in the form endpoint's own words.
  routes.use('/forms', (err: Error & { status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (err.status && err.status >= 400 && err.status < 500) refuse(req, res, err.status, err.status === 413 ? 'the submission is too large' : 'the submission could not be read');
    else next(err);
  });
  return routes;
}
