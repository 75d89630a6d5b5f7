import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

/**
 * A small kustomize for the tests (no kustomize or kubectl binary here): it builds a
 * kustomization the way `kubectl kustomize` does for the features this repository uses, and
 * throws on any field it does not implement, so a manifest never silently means something else.
 *
 * Supported: resources (files and directories with a kustomization), namespace, labels,
 * commonLabels, images, patches (JSON 6902 or strategic merge, inline or from a file, with a
 * target) and patchesStrategicMerge.
 */

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

type Json = Record<string, unknown>;

interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  commonLabels?: Record<string, string>;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  patches?: { path?: string; patch?: string; target?: PatchTarget }[];
  patchesStrategicMerge?: string[];
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'commonLabels',
  'images',
  'patches',
  'patchesStrategicMerge',
]);

/** Kinds that live outside namespaces (the ones a small app could plausibly ship). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
]);

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function kustomizationFile(dir: string): Promise<string> {
  for (const name of KUSTOMIZATION_FILES) {
    const path = join(dir, name);
    if ((await stat(path).catch(() => null))?.isFile()) return path;
  }
  throw new Error(`no kustomization file in ${dir}`);
}

/** Every YAML document in a file, empty ones skipped; a parse error throws. */
export async function loadYamlDocuments(path: string): Promise<Json[]> {
  const docs = parseAllDocuments(await readFile(path, 'utf8'));
  const out: Json[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value !== null && value !== undefined) out.push(value as Json);
  }
  return out;
}

function asObject(value: Json, origin: string): K8sObject {
  const meta = value.metadata as Json | undefined;
  if (
    typeof value.apiVersion !== 'string' ||
    typeof value.kind !== 'string' ||
    typeof meta?.name !== 'string'
  ) {
    throw new Error(`${origin}: every resource needs apiVersion, kind and metadata.name`);
  }
  return value as K8sObject;
}

/** Builds the kustomization in `dir` into its list of objects. */
export async function buildKustomization(dir: string): Promise<K8sObject[]> {
  const file = await kustomizationFile(dir);
  const k = (parseYaml(await readFile(file, 'utf8')) ?? {}) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: unsupported fields ${unsupported.join(', ')}`);

  let objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    if (await isDirectory(path)) objects.push(...(await buildKustomization(path)));
    else objects.push(...(await loadYamlDocuments(path)).map((v) => asObject(v, path)));
  }
  assertUnique(objects, file);

  for (const entry of k.patchesStrategicMerge ?? []) {
    for (const patch of await loadYamlDocuments(resolve(dir, entry)))
      objects = applyStrategicPatch(objects, patch, file);
  }
  for (const entry of k.patches ?? []) {
    if ((entry.path === undefined) === (entry.patch === undefined)) {
      throw new Error(`${file}: a patch needs exactly one of path and patch`);
    }
    const text = entry.patch ?? (await readFile(resolve(dir, entry.path!), 'utf8'));
    const parsed = parseYaml(text) as unknown;
    if (Array.isArray(parsed)) {
      if (!entry.target) throw new Error(`${file}: a JSON 6902 patch needs a target`);
      objects = applyJsonPatch(objects, entry.target, parsed as Operation[], file);
    } else {
      objects = applyStrategicPatch(objects, parsed as Json, file, entry.target);
    }
  }
  if (k.namespace) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }
  if (k.commonLabels) addLabels(objects, k.commonLabels, true, true);
  for (const group of k.labels ?? []) {
    addLabels(
      objects,
      group.pairs,
      group.includeSelectors === true,
      group.includeTemplates ?? group.includeSelectors === true,
    );
  }
  for (const image of k.images ?? []) setImage(objects, image);
  return objects;
}

function assertUnique(objects: K8sObject[], file: string): void {
  const seen = new Set<string>();
  for (const o of objects) {
    const id = `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(id)) throw new Error(`${file}: duplicate resource ${id}`);
    seen.add(id);
  }
}

function groupVersion(apiVersion: string): { group: string; version: string } {
  const [a, b] = apiVersion.split('/');
  return b === undefined ? { group: '', version: a! } : { group: a!, version: b };
}

/** Target fields are exact names or (as in kustomize) anchored regular expressions. */
function matchesTarget(o: K8sObject, t: PatchTarget): boolean {
  const gv = groupVersion(o.apiVersion);
  const test = (pattern: string | undefined, value: string) =>
    pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value);
  return (
    test(t.group, gv.group) &&
    test(t.version, gv.version) &&
    test(t.kind, o.kind) &&
    test(t.name, o.metadata.name) &&
    test(t.namespace, o.metadata.namespace ?? '')
  );
}

function applyJsonPatch(
  objects: K8sObject[],
  target: PatchTarget,
  ops: Operation[],
  file: string,
): K8sObject[] {
  const hits = objects.filter((o) => matchesTarget(o, target));
  if (hits.length === 0) throw new Error(`${file}: patch target ${JSON.stringify(target)} matches nothing`);
  return objects.map((o) =>
    hits.includes(o)
      ? (jsonPatch.applyPatch(structuredClone(o), structuredClone(ops), true, false).newDocument as K8sObject)
      : o,
  );
}

function applyStrategicPatch(
  objects: K8sObject[],
  patch: Json,
  file: string,
  target?: PatchTarget,
): K8sObject[] {
  const self = patch as Partial<K8sObject>;
  const hits = objects.filter((o) =>
    target
      ? matchesTarget(o, target)
      : o.kind === self.kind && o.apiVersion === self.apiVersion && o.metadata.name === self.metadata?.name,
  );
  if (hits.length === 0)
    throw new Error(`${file}: strategic merge patch for ${self.kind}/${self.metadata?.name} matches nothing`);
  return objects.map((o) => {
    if (!hits.includes(o)) return o;
    const { apiVersion: _a, kind: _k, ...body } = patch;
    const meta = (body.metadata ?? {}) as Json;
    // The patch's own name selects the object; it never renames it.
    const { name: _n, ...metaRest } = meta;
    return strategicMerge(o, { ...body, metadata: metaRest }) as K8sObject;
  });
}

/**
 * Strategic merge as kustomize applies it to the fields used here: maps merge key by key, a
 * null deletes, and lists of objects with a `name` (containers, env, volumes, ports...) merge
 * by name; any other list is replaced. `$patch` directives are refused.
 */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (patch === null) return undefined;
  if (Array.isArray(patch)) {
    if (!Array.isArray(base) || !patch.every(isNamed) || !base.every(isNamed)) return structuredClone(patch);
    const merged = base.map((item) => {
      const change = patch.find((p) => p.name === item.name);
      return change ? strategicMerge(item, change) : structuredClone(item);
    });
    for (const p of patch) if (!base.some((b) => b.name === p.name)) merged.push(structuredClone(p));
    return merged;
  }
  if (typeof patch === 'object') {
    if ('$patch' in patch) throw new Error('$patch directives are not supported');
    const out: Json =
      base !== null && typeof base === 'object' && !Array.isArray(base) ? structuredClone(base as Json) : {};
    for (const [key, value] of Object.entries(patch as Json)) {
      const merged = strategicMerge(out[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  return patch;
}

function isNamed(value: unknown): value is { name: string } {
  return value !== null && typeof value === 'object' && typeof (value as Json).name === 'string';
}

/** The pod template of a workload, or the pod spec of a Pod. */
function podTemplates(o: K8sObject): Json[] {
  const spec = o.spec as Json | undefined;
  if (!spec) return [];
  if (o.kind === 'CronJob') {
    const job = (spec.jobTemplate as Json | undefined)?.spec as Json | undefined;
    return job?.template ? [job.template as Json] : [];
  }
  return spec.template ? [spec.template as Json] : [];
}

function podSpecs(o: K8sObject): Json[] {
  if (o.kind === 'Pod') return o.spec ? [o.spec as Json] : [];
  return podTemplates(o)
    .map((t) => t.spec as Json | undefined)
    .filter((s): s is Json => s !== undefined);
}

function addLabels(
  objects: K8sObject[],
  pairs: Record<string, string>,
  selectors: boolean,
  templates: boolean,
): void {
  for (const o of objects) {
    o.metadata.labels = { ...o.metadata.labels, ...pairs };
    if (templates) {
      for (const t of podTemplates(o)) {
        t.metadata ??= {};
        const meta = t.metadata as Json;
        meta.labels = { ...(meta.labels as Record<string, string> | undefined), ...pairs };
      }
    }
    if (selectors) {
      const spec = o.spec as Json | undefined;
      if (o.kind === 'Service' && spec) spec.selector = { ...(spec.selector as Json | undefined), ...pairs };
      else if (spec?.selector && typeof spec.selector === 'object') {
        const sel = spec.selector as Json;
        sel.matchLabels = { ...(sel.matchLabels as Json | undefined), ...pairs };
      }
    }
  }
}

/** `repo/name:tag@digest` → its name (without tag or digest). */
export function imageName(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function setImage(objects: K8sObject[], rule: NonNullable<Kustomization['images']>[number]): void {
  for (const o of objects) {
    for (const spec of podSpecs(o)) {
      for (const list of ['containers', 'initContainers'] as const) {
        for (const c of (spec[list] as { image?: string }[] | undefined) ?? []) {
          if (!c.image || imageName(c.image) !== rule.name) continue;
          const tag = c.image.slice(imageName(c.image).length);
          const name = rule.newName ?? rule.name;
          c.image = rule.digest
            ? `${name}@${rule.digest}`
            : rule.newTag
              ? `${name}:${rule.newTag}`
              : `${name}${tag}`;
        }
      }
    }
  }
}
