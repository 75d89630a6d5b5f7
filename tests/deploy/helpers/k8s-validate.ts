import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { K8sObject } from './kustomize.ts';

const testsRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/** The kubernetes-models class of an object: apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
async function modelClass(o: K8sObject): Promise<ModelClass> {
  const crds: Record<string, string> = { 'keda.sh': '@kubernetes-models/keda' };
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '';
  const module = `${crds[group] ?? 'kubernetes-models'}/${o.apiVersion}/${o.kind}`;
  const exports = (await import(module).catch(() => {
    throw new Error(`no schema for ${o.apiVersion} ${o.kind} (${module})`);
  })) as Record<string, ModelClass>;
  const model = exports[o.kind];
  if (!model) throw new Error(`${module} has no ${o.kind}`);
  return model;
}

/**
 * Validates against the Kubernetes OpenAPI schema (kubernetes-models, generated from it):
 * types, required fields, formats. Returns the problems, one line each.
 */
export async function schemaProblems(o: K8sObject): Promise<string[]> {
  const Model = await modelClass(o);
  try {
    new Model(structuredClone(o)).validate();
    return [];
  } catch (error) {
    return [`${o.kind}/${o.metadata.name}: ${(error as Error).message}`];
  }
}

/** kubernetes-types module and interface of a core object, e.g. networking.k8s.io/v1 → networking/v1. */
function typesModule(o: K8sObject): string | null {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['core', o.apiVersion];
  const name = group!.split('.')[0]!;
  // Custom resources (keda.sh) have no types there.
  if (group!.includes('.') && !group!.endsWith('.k8s.io')) return null;
  return `kubernetes-types/${name}/${version}`;
}

/**
 * The OpenAPI schema allows unknown fields, and the API server drops them silently (kubectl
 * only warns): a misspelt `readinesProbe` would pass. This compiles every object as an object
 * literal typed with kubernetes-types, so TypeScript's excess-property check finds any field
 * the API does not have, at any depth. Returns the problems, one line each.
 */
export async function unknownFieldProblems(objects: K8sObject[]): Promise<string[]> {
  const typed = objects.map((o) => ({ o, module: typesModule(o) })).filter((x) => x.module !== null);
  const lines = typed.map(
    ({ o, module }, i) =>
      `import type { ${o.kind} as T${i} } from '${module}';\nexport const o${i}: T${i} = ${JSON.stringify(o, null, 1)};`,
  );
  const dir = await mkdtemp(join(testsRoot, 'deploy', '.k8s-types-'));
  const file = join(dir, 'manifests.ts');
  try {
    await writeFile(file, lines.join('\n'));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      // kubernetes-types has no `exports`: bundler resolution finds core/v1.d.ts.
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where =
        d.file && d.start !== undefined
          ? (() => {
              const { line } = d.file.getLineAndCharacterOfPosition(d.start);
              // Which object: the nearest `export const oN` above the error.
              const before = d.file.text.slice(0, d.start);
              const index = Number([...before.matchAll(/export const o(\d+)/g)].at(-1)?.[1] ?? -1);
              const obj = typed[index]?.o;
              return `${obj ? `${obj.kind}/${obj.metadata.name}` : 'manifest'} (line ${line + 1})`;
            })()
          : 'manifest';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
