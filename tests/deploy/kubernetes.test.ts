import { describe, expect, it } from 'vitest';
import { repoPath } from './helpers/files.ts';
import { schemaProblems, unknownFieldProblems } from './helpers/k8s-validate.ts';
import { buildKustomization, type K8sObject, loadYamlDocuments } from './helpers/kustomize.ts';

const KUSTOMIZATIONS = ['k8s/base', 'k8s/overlays/k3s', 'k8s/optional/keda'];

async function allProblems(objects: K8sObject[]): Promise<string[]> {
  const schema = (await Promise.all(objects.map(schemaProblems))).flat();
  return [...schema, ...(await unknownFieldProblems(objects))];
}

describe('Kubernetes objects validate against the API schema', () => {
  for (const dir of KUSTOMIZATIONS) {
    it(`${dir}: every object, after kustomize`, async () => {
      const objects = await buildKustomization(repoPath(dir));
      expect(objects.length).toBeGreaterThan(0);
      expect(await allProblems(objects)).toEqual([]);
    });
  }

  it('k8s/base/secret.example.yaml (kept out of the kustomization)', async () => {
    const objects = (await loadYamlDocuments(repoPath('k8s/base/secret.example.yaml'))) as K8sObject[];
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Secret/movie-generator-secrets']);
    expect(await allProblems(objects)).toEqual([]);
  });

  it('the validators catch a wrong type, a missing required field and a misspelt field', async () => {
    const [deployment] = (await buildKustomization(repoPath('k8s/base'))).filter(
      (o) => o.kind === 'Deployment',
    ) as [K8sObject & { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }];
    const broken = structuredClone(deployment);
    const container = broken.spec.template.spec.containers[0]!;
    container.ports = [{ containerPort: 'three thousand' }];
    expect((await schemaProblems(broken)).join()).toMatch(/containerPort must be integer/);

    const noName = structuredClone(deployment);
    delete noName.spec.template.spec.containers[0]!.name;
    expect((await schemaProblems(noName)).join()).toMatch(/containers\/0 must have required property name/);

    const typo = structuredClone(deployment);
    const c = typo.spec.template.spec.containers[0]!;
    c.readinesProbe = c.readinessProbe;
    delete c.readinessProbe;
    // The OpenAPI schema lets unknown fields through (the API server drops them)...
    expect(await schemaProblems(typo)).toEqual([]);
    // ...the excess-property check does not.
    const problems = await unknownFieldProblems([typo]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Deployment\/\w+.*readinesProbe/);
  });
});
