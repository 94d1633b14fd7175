/**
 * Builds functions.zh-CN.json from the generated functions.json: same ids and names, Chinese
 * descriptions (the half of each bilingual JSDoc text before " / ") and Chinese parameter names.
 * The manifest serves it to Chinese-language Excel through a locale override.
 */

/** Chinese parameter names, by the parameter names in functions.ts. */
export const ZH_PARAMETER_NAMES: Readonly<Record<string, string>> = {
  id: "指标编号",
  year: "年份",
  actual: "实际值",
  actuals: "实际值区域",
  years: "年份区域",
  method: "推算方法",
  language: "语言",
  field: "字段",
  plan: "规划编号",
};

interface Parameter {
  name: string;
  description?: string;
  [k: string]: unknown;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { description?: string; [k: string]: unknown };
  [k: string]: unknown;
}
export interface FunctionsJson {
  functions: FunctionMetadata[];
  [k: string]: unknown;
}

/** The Chinese half of "中文。 / English." (the whole text when it has no English half). */
export function chinesePart(text: string | undefined): string | undefined {
  if (text == null) return text;
  const i = text.indexOf(" / ");
  return (i >= 0 ? text.slice(0, i) : text).trim();
}

/** English half, for the default (non-Chinese) metadata. */
export function englishPart(text: string | undefined): string | undefined {
  if (text == null) return text;
  const i = text.indexOf(" / ");
  return (i >= 0 ? text.slice(i + 3) : text).trim();
}

export function localizeFunctionsJson(json: FunctionsJson): { zh: FunctionsJson; en: FunctionsJson } {
  const convert = (pick: (s: string | undefined) => string | undefined, names: boolean): FunctionsJson => ({
    ...json,
    functions: json.functions.map((f) => ({
      ...f,
      description: pick(f.description),
      result: f.result ? { ...f.result, description: pick(f.result.description) } : f.result,
      parameters: f.parameters.map((p) => ({
        ...p,
        name: names ? ZH_PARAMETER_NAMES[p.name] ?? p.name : p.name,
        description: pick(p.description),
      })),
    })),
  });
  return { zh: convert(chinesePart, true), en: convert(englishPart, false) };
}
