/**
 * A browsable page for the OpenAPI document at /api/docs: every operation grouped by tag, with
 * its least role, parameters, request body and responses (schemas folded open on demand).
 * Self-contained HTML — no script from a CDN, because the machines that run vlinder may have
 * no internet.
 */
import { esc } from "../planning/registration.ts";

export function apiDocsPage(document: object): string {
  const doc = document as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, operation)]);
    }
  }
  const sections = [...byTag].map(([tag, items]) => `<section><h2 id="${esc(tag)}">${esc(tag)}</h2>${items.join("\n")}</section>`).join("\n");
  const toc = [...byTag.keys()].map((tag) => `<a href="#${esc(tag)}">${esc(tag)}</a>`).join(" · ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 1.5rem; color: #1d232a; }
  h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ccd; padding-bottom: .2rem; margin-top: 2rem; text-transform: capitalize; }
  details.op { border: 1px solid #d5dae0; border-radius: 6px; margin: .4rem 0; background: #fbfcfd; }
  details.op > summary { padding: .45rem .7rem; cursor: pointer; font-family: ui-monospace, monospace; }
  .method { display: inline-block; min-width: 4.2rem; font-weight: 700; text-transform: uppercase; }
  .get { color: #1565c0; } .post { color: #2e7d32; } .put { color: #b26a00; } .delete { color: #c62828; }
  .summary { font-family: system-ui, sans-serif; color: #445; margin-left: .6rem; }
  .body { padding: 0 .9rem .7rem; } pre { background: #f1f3f5; padding: .6rem; overflow: auto; font-size: 13px; border-radius: 4px; }
  table { border-collapse: collapse; } td, th { border: 1px solid #dde; padding: 2px 8px; text-align: left; }
</style>
</head>
<body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Sign in with <code>POST /api/auth/login</code> (a session cookie) or send <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<nav>${toc}</nav>
${sections}
</body>
</html>
`;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses?: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
        .join("")}</table>`
    : "";
  const body = op.requestBody
    ? `<h4>Request body</h4>${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<details><summary>${esc(type)}</summary><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></details>`)
        .join("")}`
    : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const content = Object.entries(r.content ?? {})
        .map(([type, c]) => `<details><summary>${esc(type)}</summary><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></details>`)
        .join("");
      return `<li><b>${esc(status)}</b> ${esc(r.description)}${content}</li>`;
    })
    .join("");
  return `<details class="op"><summary><span class="method ${esc(method)}">${esc(method)}</span>${esc(path)}<span class="summary">${esc(op.summary ?? "")}</span></summary>
<div class="body"><p>${esc(op.description ?? "")}</p>${params}${body}<h4>Responses</h4><ul>${responses}</ul></div></details>`;
}
