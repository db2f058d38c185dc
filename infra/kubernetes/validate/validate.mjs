// Checks the Kubernetes manifests of infra/kubernetes offline, with schemas from the npm registry:
// every document's kind is known (Kubernetes 1.36 from kubernetes-models; Strimzi 1.0 from
// @kubernetes-models/strimzi-kafka-operator; ECK 3.3 from @kubernetes-models/elastic-cloud), it
// passes that kind's JSON schema (types, required fields, enums, limits), and it names no field
// the kind does not have (the schemas alone let unknown fields through; the models' TypeScript
// types do not, so a typo such as `replicass` fails as kubectl's strict validation would).
// Then kustomization.yaml: every manifest listed, every listed file there, and every policy
// file, index template and the realm generated into a ConfigMap.
//
//   node validate.mjs               the manifests of infra/kubernetes (exit 1 on any finding)
//   node validate.mjs --built FILE  and also FILE, their build by `kubectl kustomize`
//   node validate.mjs --self-test   each manifest in broken/ must be refused, for the reason it
//                                   names in its first line (`# expect: <part of the message>`)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parse, parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const manifests = path.resolve(here, "..");
const infra = path.resolve(manifests, "..");

/** The package and path of the model of a kind, as the model packages lay them out. */
function modelPath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "kafka.strimzi.io" || group === "core.strimzi.io") {
    return `@kubernetes-models/strimzi-kafka-operator/${group}/${version}/${kind}`;
  }
  if (group.endsWith(".k8s.elastic.co")) {
    return `@kubernetes-models/elastic-cloud/${group}/${version}/${kind}`;
  }
  return group === "" ? `kubernetes-models/v1/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

/** The YAML files under a folder, without this checker's own folder. */
function yamlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        return file === here ? [] : yamlFiles(file);
      }
      return /\.ya?ml$/.test(name) && name !== "kustomization.yaml" ? [file] : [];
    });
}

/** Every document of the files, parsed strictly (a duplicate key is an error). */
function documents(files, findings) {
  const docs = [];
  for (const file of files) {
    const relative = path.relative(manifests, file);
    const shown = relative.startsWith("..") ? `${path.basename(file)} (built)` : relative;
    parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true }).forEach((doc, index) => {
      const where = `${shown} #${index + 1}`;
      if (doc.errors.length > 0) {
        findings.push(`${where}: not valid YAML: ${doc.errors[0].message}`);
        return;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) {
        return;
      }
      const name = value?.metadata?.name ?? "?";
      docs.push({ where: `${where} ${value.kind}/${name}`, value });
    });
  }
  return docs;
}

/** The schema check: each document against its kind's model. */
async function checkSchemas(docs, findings) {
  for (const doc of docs) {
    const { apiVersion, kind } = doc.value;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      findings.push(`${doc.where}: no apiVersion or kind`);
      continue;
    }
    let module;
    try {
      module = await import(modelPath(apiVersion, kind));
    } catch {
      findings.push(`${doc.where}: unknown kind ${kind} of ${apiVersion}`);
      continue;
    }
    doc.model = modelPath(apiVersion, kind);
    try {
      new module[kind](doc.value).validate();
    } catch (e) {
      findings.push(`${doc.where}: ${e.message}`);
    }
  }
}

/**
 * The unknown-field check: every document as an object literal of its kind's TypeScript type,
 * which the compiler refuses when it has a property the type lacks.
 */
function checkFields(docs, findings) {
  const typed = docs.filter((doc) => doc.model);
  const lines = [];
  typed.forEach((doc, index) => {
    lines.push(`import type { I${doc.value.kind} as T${index} } from "${doc.model}";`);
  });
  const starts = [];
  let line = lines.length + 1;
  typed.forEach((doc, index) => {
    starts.push(line);
    const literal = `export const d${index}: T${index} = ${JSON.stringify(doc.value, null, 1)};`;
    lines.push(literal);
    line += literal.split("\n").length;
  });
  const source = path.join(here, "manifests.generated.ts");
  const text = lines.join("\n");
  const host = ts.createCompilerHost({});
  const readFile = host.readFile;
  host.readFile = (file) => (path.resolve(file) === source ? text : readFile(file));
  const fileExists = host.fileExists;
  host.fileExists = (file) => path.resolve(file) === source || fileExists(file);
  const program = ts.createProgram({
    rootNames: [source],
    options: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: [],
    },
    host,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    if (!diagnostic.file || path.resolve(diagnostic.file.fileName) !== source) {
      findings.push(`type check: ${message}`);
      continue;
    }
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    let index = starts.length - 1;
    while (index > 0 && starts[index] > line) index--;
    const readable = message.replace(/'"([^"]*)"'/g, "'$1'").replace(/\bT\d+\b/g, typed[index].value.kind);
    findings.push(`${typed[index].where}: ${readable}`);
  }
}

/** kustomization.yaml lists every manifest, and generates every file it must carry. */
function checkKustomization(files, findings) {
  const file = path.join(manifests, "kustomization.yaml");
  const kustomization = parse(readFileSync(file, "utf8"), { uniqueKeys: true });
  const listed = new Set(kustomization.resources ?? []);
  for (const resource of listed) {
    if (!existsSync(path.join(manifests, resource))) {
      findings.push(`kustomization.yaml: resource ${resource} does not exist`);
    }
  }
  for (const manifest of files.map((f) => path.relative(manifests, f))) {
    if (!manifest.startsWith("examples/") && !listed.has(manifest)) {
      findings.push(`kustomization.yaml: ${manifest} is not among its resources`);
    }
  }
  const generated = new Set();
  for (const generator of kustomization.configMapGenerator ?? []) {
    for (const entry of generator.files ?? []) {
      const source = path.resolve(manifests, entry.includes("=") ? entry.split("=")[1] : entry);
      if (!existsSync(source)) {
        findings.push(`kustomization.yaml: ${generator.name} names ${entry}, which does not exist`);
      }
      generated.add(source);
    }
  }
  const carried = [
    ...readdirSync(path.join(infra, "policy"))
      .filter((n) => n.endsWith(".yml"))
      .map((n) => path.join(infra, "policy", n)),
    ...readdirSync(path.join(infra, "elasticsearch"), { recursive: true })
      .filter((n) => n.endsWith(".json"))
      .map((n) => path.join(infra, "elasticsearch", n)),
    path.join(infra, "keycloak", "crossline-realm.json"),
  ];
  for (const source of carried) {
    if (!generated.has(source)) {
      findings.push(`kustomization.yaml: ${path.relative(infra, source)} is not generated into a ConfigMap`);
    }
  }
}


/** The Secrets the operators make: Strimzi for each Kafka and KafkaUser, ECK for each cluster. */
function operatorSecrets(docs) {
  const names = new Set();
  for (const { value } of docs) {
    const name = value.metadata?.name;
    if (value.kind === "Kafka") {
      names.add(`${name}-cluster-ca-cert`);
      names.add(`${name}-clients-ca-cert`);
    } else if (value.kind === "KafkaUser") {
      names.add(name);
    } else if (value.kind === "Elasticsearch") {
      names.add(`${name}-es-elastic-user`);
      names.add(`${name}-es-http-certs-public`);
    }
  }
  return names;
}

/**
 * What the manifests say to each other and to the services: every ConfigMap and Secret a pod
 * reads exists (here, generated by kustomization.yaml, made by an operator, or among the
 * site's Secrets in examples/); every ${VARIABLE} in a service's mounted application.yml is in
 * its environment; every service listens where its Deployment says (server.port of its own
 * application.yml) and has Spring's probe groups on; every Service and PodDisruptionBudget
 * selects the pods of a Deployment.
 */
function checkReferences(docs, findings, generated = true) {
  const configMaps = new Map();
  const secrets = operatorSecrets(docs);
  for (const { value } of docs) {
    if (value.kind === "ConfigMap") configMaps.set(value.metadata.name, value);
    if (value.kind === "Secret") secrets.add(value.metadata.name);
  }
  const kustomization = parse(readFileSync(path.join(manifests, "kustomization.yaml"), "utf8"));
  for (const generator of generated ? (kustomization.configMapGenerator ?? []) : []) {
    configMaps.set(generator.name, configMaps.get(generator.name) ?? { data: {} });
  }
  const workloads = docs.filter((d) => d.value.kind === "Deployment" || d.value.kind === "Job");
  for (const doc of workloads) {
    const pod = doc.value.spec.template.spec;
    const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
    for (const volume of volumes.values()) {
      if (volume.configMap && !configMaps.has(volume.configMap.name)) {
        findings.push(`${doc.where}: volume ${volume.name} reads ConfigMap ${volume.configMap.name}, which nothing makes`);
      }
      if (volume.secret && !secrets.has(volume.secret.secretName)) {
        findings.push(`${doc.where}: volume ${volume.name} reads Secret ${volume.secret.secretName}, which nothing makes`);
      }
    }
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const env = new Set((container.env ?? []).map((e) => e.name));
      for (const variable of container.env ?? []) {
        const from = variable.valueFrom ?? {};
        if (from.configMapKeyRef && !from.configMapKeyRef.optional) {
          const map = configMaps.get(from.configMapKeyRef.name);
          if (!map) {
            findings.push(`${doc.where}: ${variable.name} reads ConfigMap ${from.configMapKeyRef.name}, which nothing makes`);
          } else if (map.data && Object.keys(map.data).length > 0 && !(from.configMapKeyRef.key in map.data)) {
            findings.push(`${doc.where}: ${variable.name} reads ${from.configMapKeyRef.key}, which ConfigMap ${from.configMapKeyRef.name} lacks`);
          }
        }
        if (from.secretKeyRef && !secrets.has(from.secretKeyRef.name)) {
          findings.push(`${doc.where}: ${variable.name} reads Secret ${from.secretKeyRef.name}, which nothing makes`);
        }
      }
      for (const mount of container.volumeMounts ?? []) {
        if (!volumes.has(mount.name)) {
          findings.push(`${doc.where}: ${container.name} mounts ${mount.name}, which is no volume`);
          continue;
        }
        const config = volumes.get(mount.name).configMap && configMaps.get(volumes.get(mount.name).configMap.name);
        const yml = config?.data?.["application.yml"];
        for (const [, name] of (yml ?? "").matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) {
          if (!env.has(name)) {
            findings.push(`${doc.where}: \${${name}} in ConfigMap ${config.metadata.name} is not in ${container.name}'s environment`);
          }
        }
      }
      const image = /^crossline\/([a-z-]+):/.exec(container.image ?? "");
      if (image) {
        const own = path.join(infra, "..", "services", image[1], "src", "main", "resources", "application.yml");
        const settings = parse(readFileSync(own, "utf8"));
        const port = container.ports?.[0]?.containerPort;
        if (settings.server?.port !== port) {
          findings.push(`${doc.where}: containerPort ${port}, but ${image[1]} listens on server.port ${settings.server?.port}`);
        }
        if (settings.management?.endpoint?.health?.probes?.enabled !== true) {
          findings.push(`${doc.where}: ${image[1]} does not turn on Spring's probe groups (management.endpoint.health.probes.enabled)`);
        }
      }
    }
  }
  const podLabels = docs
    .filter((d) => d.value.kind === "Deployment")
    .map((d) => d.value.spec.template.metadata?.labels ?? {});
  const selects = (selector) =>
    podLabels.some((labels) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v));
  for (const doc of docs) {
    if (doc.value.kind === "Service" && !selects(doc.value.spec.selector)) {
      findings.push(`${doc.where}: selects no pod of a Deployment`);
    }
    if (doc.value.kind === "PodDisruptionBudget" && !selects(doc.value.spec.selector?.matchLabels)) {
      findings.push(`${doc.where}: selects no pod of a Deployment`);
    }
  }
}

async function check(files, withKustomization, built) {
  const findings = [];
  const docs = documents(files, findings);
  const builtDocs = built === undefined ? [] : documents([built], findings);
  await checkSchemas([...docs, ...builtDocs], findings);
  checkFields([...docs, ...builtDocs], findings);
  if (withKustomization) {
    checkKustomization(files, findings);
    checkReferences(docs, findings);
  }
  if (builtDocs.length > 0) {
    // What kubectl applies: generated ConfigMaps under their hashed names, and references to them
    // rewritten; the site's Secrets are not in it, so they come from examples/ as above.
    const secrets = docs.filter((d) => d.where.startsWith("examples/"));
    checkReferences([...builtDocs, ...secrets], findings, false);
  }
  return { docs, builtDocs, findings };
}

if (process.argv.includes("--self-test")) {
  const broken = path.join(here, "broken");
  const files = readdirSync(broken)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((n) => path.join(broken, n));
  const { findings } = await check(files, false);
  let failed = 0;
  for (const file of files) {
    const shown = path.relative(manifests, file);
    const expected = /^# expect: (.*)$/m.exec(readFileSync(file, "utf8"))?.[1];
    const own = findings.filter((f) => f.startsWith(`${shown} `) || f.startsWith(`${shown}:`));
    const refusal = expected === undefined ? undefined : own.find((f) => f.includes(expected));
    if (refusal === undefined) {
      failed++;
      console.error(`NOT REFUSED as expected ("${expected}"): ${shown}: ${own.join("; ") || "no finding"}`);
    } else {
      console.log(`refused as expected: ${refusal.split("\n")[0]}`);
    }
  }
  // The cross-references, on the real manifests with one thing broken at a time.
  const real = documents(yamlFiles(manifests), []);
  const find = (kind, name) => real.find((d) => d.value.kind === kind && d.value.metadata.name === name);
  const container = (name) => find("Deployment", name).value.spec.template.spec.containers[0];
  const mutations = [
    [
      "search reads a Secret nobody makes",
      () => (container("search").env.find((e) => e.name === "MATCH_REF_SECRET").valueFrom.secretKeyRef.name = "crossline-search-secret"),
      "reads Secret crossline-search-secret, which nothing makes",
    ],
    [
      "the indexer mounts a ConfigMap nobody makes",
      () => (find("Deployment", "indexer").value.spec.template.spec.volumes.find((v) => v.name === "policy").configMap.name = "crossline-policies"),
      "reads ConfigMap crossline-policies, which nothing makes",
    ],
    [
      "the intake's Deployment names another port than the intake listens on",
      () => (container("intake").ports[0].containerPort = 8080),
      "containerPort 8080, but intake listens on server.port 8081",
    ],
    [
      "the intake's settings use a variable its environment lacks",
      () => (container("intake").env = container("intake").env.filter((e) => e.name !== "REFERENCE_KEY_WYCHAVON_DC")),
      "${REFERENCE_KEY_WYCHAVON_DC} in ConfigMap crossline-intake-config is not in intake's environment",
    ],
    [
      "the portal's Service selects no pod",
      () => (find("Service", "portal").value.spec.selector["app.kubernetes.io/name"] = "portals"),
      "selects no pod of a Deployment",
    ],
  ];
  for (const [what, mutate, expected] of mutations) {
    const saved = real.map((d) => structuredClone(d.value));
    mutate();
    const own = [];
    checkReferences(real, own);
    real.forEach((d, i) => (d.value = saved[i]));
    const refusal = own.find((f) => f.includes(expected));
    if (refusal === undefined) {
      failed++;
      console.error(`NOT REFUSED as expected ("${expected}"): ${what}: ${own.join("; ") || "no finding"}`);
    } else {
      console.log(`refused as expected: ${what}: ${refusal}`);
    }
  }
  if (failed > 0 || files.length === 0) {
    console.error(`${failed} broken manifest(s) not refused: the check cannot be trusted`);
    process.exit(1);
  }
  console.log(`${files.length + mutations.length} broken manifests refused`);
} else {
  const files = yamlFiles(manifests);
  const builtAt = process.argv.indexOf("--built");
  const built = builtAt > 0 ? path.resolve(process.argv[builtAt + 1]) : undefined;
  const { docs, builtDocs, findings } = await check(files, true, built);
  if (findings.length > 0) {
    findings.forEach((finding) => console.error(finding));
    console.error(`${findings.length} finding(s) in infra/kubernetes`);
    process.exit(1);
  }
  const kinds = [...new Set(docs.map((doc) => doc.value.kind))].sort();
  const also = built === undefined ? "" : `, and the ${builtDocs.length} of kustomize's build`;
  console.log(`${docs.length} documents in ${files.length} files valid${also} (${kinds.join(", ")})`);
}
