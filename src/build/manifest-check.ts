/**
 * Offline checks of manifest.xml. `office-addin-manifest validate` posts the manifest to a Microsoft
 * web service; this checks, without a network, the mistakes that keep an add-in from loading.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElements(nodes: Ordered[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const kids = (node[name] as Ordered[]) ?? [];
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node[":@"] ?? {})) attrs[k.replace(/^@/, "")] = String(v);
    out.push({
      name,
      attrs,
      children: toElements(kids),
      text: kids.map((k) => (k["#text"] != null ? String(k["#text"]) : "")).join("").trim(),
    });
  }
  return out;
}

export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`manifest.xml is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true, parseAttributeValue: false, parseTagValue: false });
  const root = toElements(parser.parse(xml) as Ordered[]).find((e) => e.name === "OfficeApp");
  if (!root) throw new Error("manifest.xml has no <OfficeApp> root");
  return root;
}

export function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

const local = (name: string) => name.replace(/^.*:/, "");

export interface ManifestFacts {
  root: XmlElement;
  resources: Map<string, XmlElement>;
  namespace: string | undefined;
}

/** Every problem found, as readable sentences; empty when the manifest is sound. */
export function checkManifest(xml: string, opts: { production?: boolean; iconExists?: (file: string) => boolean } = {}): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [(e as Error).message];
  }
  const all = [...walk(root)];
  const first = (n: string) => all.find((e) => local(e.name) === n);

  const id = first("Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || /^0{8}-/.test(id)) {
    problems.push(`<Id> is not a real GUID: "${id}"`);
  }
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(first("Version")?.text ?? "")) problems.push("<Version> must look like 1.0.0.0");
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push("OfficeApp must be xsi:type TaskPaneApp");

  // Resources by id.
  const resources = new Map<string, XmlElement>();
  for (const e of all) {
    if (["Image", "Url", "String"].includes(local(e.name)) && e.attrs.id) {
      if (resources.has(e.attrs.id)) problems.push(`resource id "${e.attrs.id}" is defined twice`);
      resources.set(e.attrs.id, e);
    }
  }
  for (const e of all) {
    const resid = e.attrs.resid;
    if (resid != null && !resources.has(resid)) problems.push(`resid "${resid}" on <${e.name}> does not resolve to a resource`);
    if (resid != null && resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
  }

  // The shared runtime: one page for the runtime, the functions page, the function file and the task pane.
  const runtime = all.find((e) => local(e.name) === "Runtime");
  if (!runtime) problems.push("no <Runtime>: the shared runtime is not declared");
  else {
    const rid = runtime.attrs.resid;
    if (runtime.attrs.lifetime !== "long") problems.push('<Runtime> must have lifetime="long" so functions run with the task pane closed');
    const page = all.find((e) => local(e.name) === "Page")?.children.find((c) => local(c.name) === "SourceLocation");
    if (page?.attrs.resid !== rid) problems.push(`custom functions <Page> uses "${page?.attrs.resid}", the runtime "${rid}"`);
    const ff = first("FunctionFile");
    if (ff && ff.attrs.resid !== rid) problems.push(`<FunctionFile> uses "${ff.attrs.resid}", the runtime "${rid}"`);
    for (const action of all.filter((e) => local(e.name) === "Action" && e.attrs["xsi:type"] === "ShowTaskpane")) {
      const src = action.children.find((c) => local(c.name) === "SourceLocation");
      if (src?.attrs.resid !== rid) problems.push(`ShowTaskpane action uses "${src?.attrs.resid}", the runtime "${rid}"`);
      // Microsoft's shared-runtime guide: an action under a long-lived runtime carries no TaskpaneId.
      if (action.children.some((c) => local(c.name) === "TaskpaneId")) problems.push("a ShowTaskpane <Action> of the shared runtime carries a <TaskpaneId>");
    }
  }
  const sets = all.filter((e) => local(e.name) === "Set").map((e) => e.attrs.Name);
  if (!sets.includes("SharedRuntime")) problems.push("the SharedRuntime requirement set is missing");

  // Namespace.
  const nsRes = first("Namespace")?.attrs.resid;
  const ns = nsRes ? resources.get(nsRes)?.attrs.DefaultValue : undefined;
  if (!ns) problems.push("custom functions have no namespace");
  else if (ns.length > 32 || !/^[A-Za-z0-9.]+$/.test(ns)) problems.push(`namespace "${ns}" must be ≤ 32 letters, digits or dots`);

  // URLs: https only; and in production, no localhost.
  for (const e of all) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (!/^(DefaultValue|Value)$/.test(k) || !/^[a-z]+:\/\//i.test(v)) continue;
      if (!v.startsWith("https://")) problems.push(`URL is not https: ${v}`);
      if (opts.production && /localhost|127\.0\.0\.1/.test(v)) problems.push(`production manifest still points at ${v}`);
    }
    if (local(e.name) === "AppDomain" && !e.text.startsWith("https://")) problems.push(`AppDomain is not https: ${e.text}`);
    if (opts.production && local(e.name) === "AppDomain" && /localhost/.test(e.text)) problems.push(`production AppDomain is ${e.text}`);
  }

  // Localised texts: Chinese default, English override, within Office's length limits.
  for (const tag of ["DisplayName", "Description"]) {
    const e = first(tag);
    if (!e) problems.push(`<${tag}> is missing`);
    else {
      if (!/[\u4e00-\u9fff]/.test(e.attrs.DefaultValue ?? "")) problems.push(`<${tag}> default is not Chinese`);
      if (!e.children.some((c) => local(c.name) === "Override" && c.attrs.Locale === "en-US")) problems.push(`<${tag}> has no en-US override`);
    }
  }
  if ((first("DisplayName")?.attrs.DefaultValue ?? "").length > 125) problems.push("DisplayName is longer than 125 characters");
  if ((first("Description")?.attrs.DefaultValue ?? "").length > 250) problems.push("Description is longer than 250 characters");
  for (const e of all) {
    const parent = all.find((p) => p.children.includes(e));
    const limit = parent && local(parent.name) === "ShortStrings" ? 125 : parent && local(parent.name) === "LongStrings" ? 250 : 0;
    if (limit && (e.attrs.DefaultValue ?? "").length > limit) problems.push(`string "${e.attrs.id}" is longer than ${limit} characters`);
  }
  // Overrides add other languages to the default; Office's localization guide forbids one for the
  // default locale itself.
  const defaultLocale = (first("DefaultLocale")?.text ?? "").toLowerCase();
  for (const e of all) {
    if (local(e.name) === "Override" && (e.attrs.Locale ?? "").toLowerCase() === defaultLocale) {
      const owner = all.find((p) => p.children.includes(e));
      problems.push(`an override repeats the default locale ${defaultLocale} (${owner?.attrs.id ?? owner?.name ?? "?"})`);
    }
  }
  // Function metadata: the Chinese file is the default, the English one the en-US override.
  const meta = resources.get(
    all.find((e) => local(e.name) === "Metadata")?.children.find((c) => local(c.name) === "SourceLocation")?.attrs.resid ?? "",
  );
  if (!/\/functions\.zh-CN\.json$/.test(meta?.attrs.DefaultValue ?? "")) {
    problems.push(`functions metadata default is ${meta?.attrs.DefaultValue}, not the Chinese functions.zh-CN.json`);
  }
  const metaEn = meta?.children.find((c) => local(c.name) === "Override" && c.attrs.Locale === "en-US")?.attrs.Value ?? "";
  if (!/\/functions\.json$/.test(metaEn)) problems.push("functions metadata has no en-US override pointing at functions.json");

  // Icons: every size the stores ask for, and the files exist.
  if (opts.iconExists) {
    for (const e of all) {
      const v = e.attrs.DefaultValue;
      if (v && /\.png$/.test(v)) {
        const file = v.replace(/^https:\/\/[^/]+\/(.*\/)?assets\//, "assets/");
        if (!opts.iconExists(file)) problems.push(`icon ${v} has no file ${file}`);
      }
    }
  }
  return problems;
}
