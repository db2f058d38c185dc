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
    const shown = path.relative(manifests, file);
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

async function check(files, withKustomization) {
  const findings = [];
  const docs = documents(files, findings);
  await checkSchemas(docs, findings);
  checkFields(docs, findings);
  if (withKustomization) {
    checkKustomization(files, findings);
  }
  return { docs, findings };
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
  if (failed > 0 || files.length === 0) {
    console.error(`${failed} broken manifest(s) not refused: the check cannot be trusted`);
    process.exit(1);
  }
  console.log(`${files.length} broken manifests refused`);
} else {
  const files = yamlFiles(manifests);
  const { docs, findings } = await check(files, true);
  if (findings.length > 0) {
    findings.forEach((finding) => console.error(finding));
    console.error(`${findings.length} finding(s) in infra/kubernetes`);
    process.exit(1);
  }
  const kinds = [...new Set(docs.map((doc) => doc.value.kind))].sort();
  console.log(`${docs.length} documents in ${files.length} files valid (${kinds.join(", ")})`);
}
