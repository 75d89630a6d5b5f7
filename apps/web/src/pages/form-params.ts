import {
  type JobView,
  LanguageSchema,
  VideoSizeSchema,
  VideoStyleSchema,
} from '@movie-generator/api-contract';
import type { FormInitial } from '../components/JobForm.tsx';

/** The start page with the form filled in as for `job`: URL, narration, size, orientation and style. */
export function retryHref(job: Pick<JobView, 'url' | 'size' | 'vertical' | 'language' | 'style'>): string {
  const params = new URLSearchParams({ url: job.url, size: job.size });
  if (job.vertical) params.set('vertical', '1');
  if (job.language) params.set('lang', job.language);
  if (job.style !== 'narration') params.set('style', job.style);
  return `/?${params}`;
}

/** The form's starting values from the start page's query (see retryHref); unknown values are ignored. */
export function formInitialOf(search: string): Partial<FormInitial> {
  const params = new URLSearchParams(search);
  const initial: Partial<FormInitial> = {};
  const url = params.get('url');
  if (url) initial.url = url;
  const size = VideoSizeSchema.safeParse(params.get('size'));
  if (size.success) initial.size = size.data;
  if (params.get('vertical') === '1') initial.vertical = true;
  const lang = LanguageSchema.safeParse(params.get('lang'));
  if (lang.success) initial.narration = lang.data;
  const style = VideoStyleSchema.safeParse(params.get('style'));
  if (style.success) initial.style = style.data;
  return initial;
}
