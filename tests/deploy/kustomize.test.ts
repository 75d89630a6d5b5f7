import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@movie-generator/test-helpers';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { ConfigMap, Container, Service } from 'kubernetes-types/core/v1.js';
import type { Ingress } from 'kubernetes-types/networking/v1.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from './helpers/files.ts';
import { buildKustomization, imageName, type K8sObject, strategicMerge } from './helpers/kustomize.ts';

function find<T>(objects: K8sObject[], kind: string, name: string): T {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${kind}/${name} missing`);
  return o as unknown as T;
}

describe('the test kustomize (what the manifests are built with here)', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  const write = async (path: string, text: string) => {
    await mkdir(join(tmp.dir, path, '..'), { recursive: true });
    await writeFile(join(tmp.dir, path), text);
  };

  beforeAll(async () => {
    tmp = await makeTempDir('mg-kustomize-');
    await write(
      'base/app.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1.0
          env: [{ name: A, value: "1" }, { name: B, value: "2" }]
        - name: sidecar
          image: example/sidecar
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: demo }
`,
    );
    await write(
      'base/kustomization.yaml',
      `namespace: demo
labels:
  - pairs: { tier: front }
    includeSelectors: false
resources: [app.yaml]
`,
    );
    await write(
      'overlay/kustomization.yaml',
      `resources: [../base]
commonLabels: { env: prod }
images:
  - name: example/web
    newName: registry.local/web
    newTag: "2.0"
  - name: example/sidecar
    newTag: "3"
patches:
  - target: { kind: Deployment, name: web }
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
  - path: env-patch.yaml
patchesStrategicMerge: [smp.yaml]
`,
    );
    await write(
      'overlay/env-patch.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          env: [{ name: B, value: "20" }, { name: C, value: "30" }]
`,
    );
    await write(
      'overlay/smp.yaml',
      `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { type: NodePort }
`,
    );
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('builds a base: namespace on namespaced objects only, labels without touching selectors', async () => {
    const objects = await buildKustomization(join(tmp.dir, 'base'));
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.namespace ?? '-'}`)).toEqual([
      'Deployment/web/demo',
      'Service/web/demo',
      'Namespace/demo/-',
    ]);
    const web = find<Deployment>(objects, 'Deployment', 'web');
    expect(web.metadata!.labels).toEqual({ app: 'web', tier: 'front' });
    expect(web.spec!.selector.matchLabels).toEqual({ app: 'web' });
    expect(web.spec!.template.metadata!.labels).toEqual({ app: 'web' });
  });

  it('builds an overlay: JSON 6902 and strategic merge patches, images, commonLabels into selectors', async () => {
    const objects = await buildKustomization(join(tmp.dir, 'overlay'));
    const web = find<Deployment>(objects, 'Deployment', 'web');
    expect(web.spec!.replicas).toBe(3);
    const [main, sidecar] = web.spec!.template.spec!.containers as [Container, Container];
    expect(main.image).toBe('registry.local/web:2.0');
    expect(sidecar.image).toBe('example/sidecar:3');
    // env merged by name: B replaced, C added, A kept, order of the base first.
    expect(main.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '20' },
      { name: 'C', value: '30' },
    ]);
    expect(web.spec!.selector.matchLabels).toEqual({ app: 'web', env: 'prod' });
    expect(web.spec!.template.metadata!.labels).toEqual({ app: 'web', env: 'prod' });
    const svc = find<Service>(objects, 'Service', 'web');
    expect(svc.spec).toEqual({
      selector: { app: 'web', env: 'prod' },
      ports: [{ port: 80 }],
      type: 'NodePort',
    });
    expect(svc.metadata!.namespace).toBe('demo');
  });

  it('refuses what it does not implement, and patches that match nothing', async () => {
    await write('bad1/kustomization.yaml', 'resources: []\nconfigMapGenerator: [{ name: x }]\n');
    await expect(buildKustomization(join(tmp.dir, 'bad1'))).rejects.toThrow(
      /unsupported fields configMapGenerator/,
    );
    await write(
      'bad2/kustomization.yaml',
      `resources: [../base]
patches:
  - target: { kind: Deployment, name: nope }
    patch: |-
      - op: add
        path: /spec/paused
        value: true
`,
    );
    await expect(buildKustomization(join(tmp.dir, 'bad2'))).rejects.toThrow(/matches nothing/);
    await write(
      'bad3/kustomization.yaml',
      `resources: [../base]
patches:
  - target: { kind: Deployment, name: web }
    patch: |-
      - op: replace
        path: /spec/missing/field
        value: 1
`,
    );
    await expect(buildKustomization(join(tmp.dir, 'bad3'))).rejects.toThrow();
  });

  it('merges strategically: maps by key, named lists by name, null deletes, other lists replaced', () => {
    expect(
      strategicMerge(
        { a: 1, b: { c: 2, d: 3 }, list: [1, 2], named: [{ name: 'x', v: 1 }] },
        { b: { d: null, e: 4 }, list: [3], named: [{ name: 'y', v: 2 }] },
      ),
    ).toEqual({
      a: 1,
      b: { c: 2, e: 4 },
      list: [3],
      named: [
        { name: 'x', v: 1 },
        { name: 'y', v: 2 },
      ],
    });
    expect(() => strategicMerge({ a: 1 }, { a: { $patch: 'delete' } })).toThrow(/\$patch/);
  });

  it('takes image names apart like kustomize', () => {
    expect(imageName('mongo:7')).toBe('mongo');
    expect(imageName('registry.local:5000/a/b:1.2')).toBe('registry.local:5000/a/b');
    expect(imageName('registry.local:5000/a/b')).toBe('registry.local:5000/a/b');
    expect(imageName('a/b@sha256:abc')).toBe('a/b');
  });
});

describe('this repository’s kustomizations', () => {
  it('the base builds into the namespace, with the expected objects', async () => {
    const objects = await buildKustomization(repoPath('k8s/base'));
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap/movie-generator-config',
        'CronJob/backup',
        'Deployment/server',
        'Deployment/worker',
        'Ingress/server',
        'Namespace/movie-generator',
        'NetworkPolicy/mongo',
        'PersistentVolumeClaim/backups',
        'PodDisruptionBudget/server',
        'PodDisruptionBudget/worker',
        'Service/mongo',
        'Service/server',
        'Service/server-metrics',
        'Service/worker-metrics',
        'StatefulSet/mongo',
      ].sort(),
    );
    for (const o of objects.filter((x) => x.kind !== 'Namespace')) {
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('movie-generator');
    }
    for (const o of objects) expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('movie-generator');
  });

  it('the k3s overlay sets Traefik, local-path storage and the trusted pod network', async () => {
    const objects = await buildKustomization(repoPath('k8s/overlays/k3s'));
    expect(find<Ingress>(objects, 'Ingress', 'server').spec!.ingressClassName).toBe('traefik');
    const mongo = find<StatefulSet>(objects, 'StatefulSet', 'mongo');
    expect(mongo.spec!.volumeClaimTemplates![0]!.spec!.storageClassName).toBe('local-path');
    expect(find<ConfigMap>(objects, 'ConfigMap', 'movie-generator-config').data?.TRUST_PROXY).toBe(
      '10.42.0.0/16',
    );
    // The base itself is untouched by the overlay (no class, no storage class).
    const base = await buildKustomization(repoPath('k8s/base'));
    expect(find<Ingress>(base, 'Ingress', 'server').spec!.ingressClassName).toBeUndefined();
    expect(
      find<StatefulSet>(base, 'StatefulSet', 'mongo').spec!.volumeClaimTemplates![0]!.spec!.storageClassName,
    ).toBeUndefined();
  });

  it('the optional KEDA kustomization builds on its own', async () => {
    const objects = await buildKustomization(repoPath('k8s/optional/keda'));
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.namespace}`).sort()).toEqual([
      'NetworkPolicy/mongo-from-keda/movie-generator',
      'ScaledObject/worker/movie-generator',
    ]);
  });
});
