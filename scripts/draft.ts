/**
 * Drafts a plan from its text and prints the proposals as the flat catalogue export
 * (shared/CATALOG-EXPORT.md), with the plan's particulars under "plan":
 *
 *   npm run --silent draft -- FILE.txt [--id XX]
 *   npm run --silent draft -- FILE.txt --id XX --plan > data/plans/XX.json
 *
 * With --plan it prints a plan file instead (every proposal in, each draft note kept as the target's
 * note), to review against the text and hold with `npm run check:data`; what that check will flag
 * already is listed on stderr.
 *
 * UTF-8, GBK/GB18030 and UTF-16 text files are read. A missing or unreadable file: a message in
 * Chinese and English on stderr, exit 1.
 */
import fs from "node:fs";
import path from "node:path";
import { validatePlan } from "../src/core/catalog/validate";
import { decodeText, draftPlan, draftToExport, draftToPlan, remarkIn } from "../src/core/draft";

function fail(zh: string, en: string): never {
  console.error(`${zh} / ${en}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const asPlan = args.includes("--plan");
const idAt = args.indexOf("--id");
const planId = idAt >= 0 ? args[idAt + 1]?.toUpperCase() : undefined;
const file = args.filter((a, i) => !a.startsWith("--") && !(idAt >= 0 && i === idAt + 1))[0];

if (!file) fail("用法：npm run --silent draft -- 规划文本.txt [--id XX] [--plan]", "usage: npm run --silent draft -- PLAN.txt [--id XX] [--plan]");
if (asPlan && !planId) fail("--plan 需要规划编号：加上 --id XX（2–4 个大写字母，即 data/plans/XX.json 的文件名）", "--plan needs the plan id: add --id XX (2-4 capital letters, the name of data/plans/XX.json)");
if (planId !== undefined && !/^[A-Z]{2,4}$/.test(planId)) fail(`规划编号须为 2–4 个大写字母：${planId}`, `plan id must be 2-4 capital letters: ${planId}`);

let bytes: Buffer;
try {
  bytes = fs.readFileSync(file);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") fail(`找不到文件：${file}`, `no such file: ${file}`);
  if (code === "EISDIR") fail(`这是一个文件夹，不是文本文件：${file}`, `a folder, not a text file: ${file}`);
  fail(`无法读取文件 ${file}：${(e as Error).message}`, `cannot read ${file}: ${(e as Error).message}`);
}
const decoded = decodeText(new Uint8Array(bytes));
if (!decoded.ok) fail(`${file}：${decoded.zh}`, `${file}: ${decoded.en}`);
if (!decoded.text.trim()) fail(`${file}：文件只有空白`, `${file}: the file holds only white space`);

const result = draftPlan(decoded.text);
const source = path.basename(file);
if (!asPlan) {
  process.stdout.write(JSON.stringify(draftToExport(result, { planId, source }), null, 2) + "\n");
} else {
  const { meta } = result;
  const id = planId as string;
  const plan = draftToPlan(result.proposals, {
    id,
    source,
    title: meta.title ?? "",
    issuer: meta.issuer ?? "",
    region: meta.region ?? undefined,
    level: meta.level ?? "county",
    period: meta.period ?? { start: Number.NaN, end: Number.NaN },
    docNumber: meta.docNumber,
    date: meta.date,
    draft: meta.draft,
  });
  // The drafter's notes on a proposal (a year taken from the period, a unit from the table head)
  // stay with the target, in each language, for the reviewer to keep or delete.
  plan.targets.forEach((t, i) => {
    const notes = result.proposals[i].notes.map(remarkIn);
    if (notes.length) t.note = { zh: notes.map((n) => n.zh).join("；"), en: notes.map((n) => n.en).join("; ") };
  });
  process.stdout.write(JSON.stringify(plan, null, 2) + "\n");
  const checked = validatePlan(`data/plans/${id}.json`, plan);
  const todo = checked.ok ? [] : checked.issues.map((i) => `  ${i.path}: ${i.zh} / ${i.en}`);
  const unsure = result.proposals.filter((p) => p.confidence < 0.7).length;
  console.error(
    [
      `已起草 ${plan.targets.length} 项指标（${unsure} 项把握不大），请对照原文逐项核对，存为 data/plans/${id}.json，原文存为 data/sources/${source}，再运行 npm run check:data -- data/plans/${id}.json`,
      `drafted ${plan.targets.length} targets (${unsure} uncertain): review each against the text, save as data/plans/${id}.json with the text as data/sources/${source}, then run npm run check:data -- data/plans/${id}.json`,
      ...(todo.length ? ["格式检查尚未通过之处 / what the format check flags now:", ...todo] : []),
    ].join("\n"),
  );
}
