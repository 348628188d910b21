import type { Localized } from '../result';
import { withoutInvisible } from '../targetFixes';
import { asText, type Checked, isMissing, notText, passed, problem } from './fieldValue';
import { characterCount, describeCharacter, tooLong } from './targetText';

// An unlimited code's scene: required, WeChat's charset only, at most 32 characters.

const MAX_SCENE = 32;
const SCENE_CHARACTER = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]$/;
const SCENE_CHARSET = "letters, digits and ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~";
const SCENE_CHARSET_ZH = "字母、数字和 ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~";

export function checkScene(raw: unknown): Checked<string> {
  const scene = asText(raw);
  if (scene === undefined && !isMissing(raw)) return notText('scene');
  if (!scene) {
    return problem(
      { en: 'Scene is required for an unlimited code.', zh: '无限量小程序码须填写场景值 scene。' },
      {
        en: 'Enter 1 to 32 characters, such as a short id the mini program looks up (e.g. id=42).',
        zh: '请填写 1 到 32 个字符，例如小程序可据此查询的短 id（如 id=42）。',
      },
    );
  }
  return sceneProblem(scene) ?? passed(scene);
}

/** What WeChat would refuse in a non-empty scene. */
export function sceneProblem(scene: string): Checked<never> | undefined {
  const bad = Array.from(scene).find((char) => !SCENE_CHARACTER.test(char));
  if (bad !== undefined) {
    const shown = describeCharacter(bad);
    // Only invisible characters go by themselves; anything else the user has to replace with an id.
    const cleaned = withoutInvisible(scene);
    const fixed = cleaned && cleaned !== scene && sceneProblem(cleaned) === undefined ? cleaned : undefined;
    const charset: Localized = {
      en: `Use only ${SCENE_CHARSET}`,
      zh: `只能使用${SCENE_CHARSET_ZH}`,
    };
    return problem(
      {
        en: `Scene contains ${shown.en}, which WeChat does not allow.`,
        zh: `场景值 scene 含有微信不允许的字符 ${shown.zh}。`,
      },
      fixed === undefined
        ? {
            en: `${charset.en}; for other text, use a short id the mini program looks up.`,
            zh: `${charset.zh}；其他内容请改用小程序可查询的短 id。`,
          }
        : {
            en: `Write it as ${fixed} (pasted text often carries invisible characters). ${charset.en}.`,
            zh: `请写成 ${fixed}（粘贴的文字常带有不可见字符）。${charset.zh}。`,
          },
      fixed === undefined ? undefined : { scene: fixed },
    );
  }
  const count = characterCount(scene);
  if (count > MAX_SCENE) {
    return tooLong('scene', count, MAX_SCENE, {
      en: 'Shorten it: use a short id the mini program looks up (e.g. id=42).',
      zh: '请缩短：改用小程序可查询的短 id（如 id=42）。',
    });
  }
  return undefined;
}
