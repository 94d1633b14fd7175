/**
 * Drafts a plan from its text and prints the proposals as the flat catalogue export
 * (shared/CATALOG-EXPORT.md), with the plan's particulars under "plan":
 *
 *   npm run --silent draft -- FILE.txt [--id XX]
 *
 * UTF-8, GBK/GB18030 and UTF-16 text files are read. A missing or unreadable file: a message in
 * Chinese and English on stderr, exit 1.
 */
import fs from "node:fs";
import path from "node:path";
import { decodeText, draftPlan, draftToExport } from "../src/core/draft";

function fail(zh: string, en: string): never {
  console.error(`${zh} / ${en}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const idAt = args.indexOf("--id");
const planId = idAt >= 0 ? args[idAt + 1]?.toUpperCase() : undefined;
const file = args.filter((a, i) => !a.startsWith("--") && !(idAt >= 0 && i === idAt + 1))[0];

if (!file) fail("用法：npm run --silent draft -- 规划文本.txt [--id XX]", "usage: npm run --silent draft -- PLAN.txt [--id XX]");
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

const out = draftToExport(draftPlan(decoded.text), { planId, source: path.basename(file) });
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
