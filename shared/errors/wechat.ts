import type { CodeKind } from '../codeRequest';
import type { AppError, Localized } from '../result';

// WeChat's errcodes: what each means to the user, how to fix it, and what the client does by itself.

/** What an errcode means to the user, how to fix it, and what the client should do by itself. */
export interface CatalogueEntry {
  meaning: Localized;
  fix: Localized;
  /** Trying the same call again later may succeed (the client backs off and retries). */
  retryable: boolean;
  /** The access_token is bad: fetch a new one and retry the call once. */
  refreshToken?: boolean;
}

const SCENE_CHARSET = "! # $ & ' ( ) * + , / : ; = ? @ - . _ ~";
const WHITELIST_PLACE = 'mp.weixin.qq.com → 开发管理 → 开发设置 → IP白名单';
const TOKEN_FIX: Localized = {
  en: 'The app gets a new token and tries once more. If this keeps happening, check that the AppSecret belongs to this AppID.',
  zh: '应用会重新获取令牌并再试一次。如果仍然出现，请确认 AppSecret 与此 AppID 对应。',
};

const SHORTER_PATH_FIX = (limit: Localized): Localized => ({
  en: `Enter a page path of ${limit.en}, such as pages/index/index?id=42; pass a short id and let the page look up the rest.`,
  zh: `请填写 ${limit.zh}的页面路径，例如 pages/index/index?id=42；可只传短 id，由页面查询其余内容。`,
});

export const WECHAT_ERRORS: Record<number, CatalogueEntry> = {
  [-1]: {
    meaning: { en: "WeChat's server is busy.", zh: '微信服务器繁忙。' },
    fix: {
      en: 'Wait a moment and try again; the app retries by itself.',
      zh: '请稍后再试；应用会自动重试。',
    },
    retryable: true,
  },
  40001: {
    meaning: {
      en: 'The access token is not valid (it may have been replaced).',
      zh: '访问令牌 access_token 无效（可能已被替换）。',
    },
    fix: TOKEN_FIX,
    retryable: false,
    refreshToken: true,
  },
  40002: {
    meaning: { en: 'The token request had an invalid grant_type.', zh: '获取令牌的请求中 grant_type 无效。' },
    fix: {
      en: 'Update the app; if you use a token service, ask whoever runs it to check its request.',
      zh: '请更新应用；如使用令牌服务，请联系其维护者检查请求。',
    },
    retryable: false,
  },
  40013: {
    meaning: { en: 'The AppID is not valid.', zh: 'AppID 无效。' },
    fix: {
      en: 'Check the AppID in Accounts: it starts with wx and is shown at mp.weixin.qq.com → 开发管理 → 开发设置.',
      zh: '请在“账号”中检查 AppID：它以 wx 开头，可在 mp.weixin.qq.com → 开发管理 → 开发设置 中找到。',
    },
    retryable: false,
  },
  40014: {
    meaning: { en: 'The access token is not valid.', zh: '访问令牌 access_token 不合法。' },
    fix: TOKEN_FIX,
    retryable: false,
    refreshToken: true,
  },
  40097: {
    meaning: { en: 'WeChat rejected one of the settings as invalid.', zh: '微信认为某项设置无效。' },
    fix: {
      en: "Check this code's fields (path, scene, page, width, color, version); WeChat's own words below may name the one at fault.",
      zh: '请检查此码的各项设置（路径、scene、页面、宽度、颜色、版本）；下方微信原文可能指出了出错的那一项。',
    },
    retryable: false,
  },
  40125: {
    meaning: { en: 'The AppSecret is not valid.', zh: 'AppSecret 无效。' },
    fix: {
      en: 'Enter the AppSecret again in Accounts (or with `wxacode account add`); if it was reset, use the new one.',
      zh: '请在“账号”中（或用 `wxacode account add`）重新填写 AppSecret；如已重置，请使用新的。',
    },
    retryable: false,
  },
  40129: {
    meaning: {
      en: 'The scene contains a character WeChat does not allow.',
      zh: 'scene 中含有微信不允许的字符。',
    },
    fix: {
      en: `Use only letters, digits and ${SCENE_CHARSET} in the scene; for other text, use a short id the mini program looks up.`,
      zh: `scene 只能使用字母、数字和 ${SCENE_CHARSET}；其他内容请改用小程序可查询的短 id。`,
    },
    retryable: false,
  },
  40159: {
    meaning: {
      en: 'The page path is empty or longer than 1024 characters.',
      zh: '页面路径为空或超过 1024 个字符。',
    },
    fix: SHORTER_PATH_FIX({ en: '1 to 1024 characters', zh: '1 到 1024 个字符' }),
    retryable: false,
  },
  40164: {
    meaning: {
      en: "This computer's public IP address is not in the mini program's IP whitelist.",
      zh: '这台电脑的公网 IP 不在小程序的 IP 白名单中。',
    },
    fix: {
      en: `Add this computer's public IP address to the IP whitelist: ${WHITELIST_PLACE}, or use a token service so the AppSecret never has to be on this computer.`,
      zh: `请把这台电脑的公网 IP 加入 IP 白名单：${WHITELIST_PLACE}；或改用令牌服务（中控服务器），这样 AppSecret 无需存放在这台电脑上。`,
    },
    retryable: false,
  },
  40169: {
    meaning: { en: 'The scene is empty or longer than 32 characters.', zh: 'scene 为空或超过 32 个字符。' },
    fix: {
      en: 'Use a scene of 1 to 32 characters, such as a short id the mini program looks up.',
      zh: '请使用 1 到 32 个字符的 scene，例如小程序可查询的短 id。',
    },
    retryable: false,
  },
  40243: {
    meaning: { en: 'The AppSecret is frozen.', zh: 'AppSecret 已被冻结。' },
    fix: {
      en: 'An administrator can unfreeze it at mp.weixin.qq.com → 开发管理 → 开发设置.',
      zh: '请管理员在 mp.weixin.qq.com → 开发管理 → 开发设置 中解冻。',
    },
    retryable: false,
  },
  41030: {
    meaning: {
      en: 'The page does not exist in the published version.',
      zh: '页面在已发布的版本中不存在。',
    },
    fix: {
      en: 'Check the page for typos and publish the mini program, or make an unlimited code with version trial or develop and “Check page exists” turned off.',
      zh: '请检查页面是否拼写正确并发布小程序；或生成无限量小程序码，版本选 trial 或 develop，并关闭“检查页面是否存在”。',
    },
    retryable: false,
  },
  42001: {
    meaning: { en: 'The access token has expired.', zh: '访问令牌 access_token 已过期。' },
    fix: TOKEN_FIX,
    retryable: false,
    refreshToken: true,
  },
  45009: {
    meaning: {
      en: "Too many requests: WeChat's rate limit was reached.",
      zh: '请求过于频繁，已达到微信的频率限制。',
    },
    fix: {
      en: 'Wait a minute and try again; batches slow down by themselves.',
      zh: '请等一分钟后再试；批量生成会自动放慢。',
    },
    retryable: true,
  },
  45011: {
    meaning: {
      en: "This minute's API quota is used up.",
      zh: '本分钟的接口调用额度已用完。',
    },
    fix: {
      en: 'Wait a minute and try again; batches slow down by themselves.',
      zh: '请等一分钟后再试；批量生成会自动放慢。',
    },
    retryable: true,
  },
  45029: {
    meaning: {
      en: 'The 100,000 limit on limited and square codes for this mini program is used up.',
      zh: '此小程序的有数量限制的小程序码和二维码已用完 100,000 个额度。',
    },
    fix: {
      en: 'Use the unlimited (scene) code type, which has no total limit.',
      zh: '请改用无限量（scene）小程序码，它没有总数限制。',
    },
    retryable: false,
  },
  48001: {
    meaning: { en: 'This account is not authorized for this API.', zh: '此账号未获得该接口的权限。' },
    fix: {
      en: "Check that the AppID is a mini program's (not an official account's) and that the token comes from that mini program.",
      zh: '请确认 AppID 属于小程序（而不是公众号），且令牌来自这个小程序。',
    },
    retryable: false,
  },
  61007: {
    meaning: {
      en: 'The third-party platform is not authorized for this API.',
      zh: '第三方平台未获得该接口的授权。',
    },
    fix: {
      en: 'Ask the mini program owner to grant your platform permission set 17 (小程序码).',
      zh: '请让小程序管理员为你的平台授权权限集 17（小程序码）。',
    },
    retryable: false,
  },
  85096: {
    meaning: {
      en: 'The path contains scancode_time, which WeChat reserves.',
      zh: '路径中含有微信保留参数 scancode_time。',
    },
    fix: { en: 'Remove scancode_time from the path.', zh: '请从路径中删除 scancode_time。' },
    retryable: false,
  },
};

/** 40169 on an endpoint without a scene: only the other half of its errmsg can apply. */
const NOT_JSON: CatalogueEntry = {
  meaning: {
    en: 'WeChat could not read the request (40169: the data is not a JSON string).',
    zh: '微信无法读取请求（40169：数据不是 JSON 字符串）。',
  },
  fix: { en: 'Try again; if it persists, update the app.', zh: '请重试；如仍然出现，请更新应用。' },
  retryable: false,
};

const DAILY_LIMIT: CatalogueEntry = {
  meaning: {
    en: "WeChat's daily limit for this mini program is reached; continue tomorrow.",
    zh: '此小程序今天的微信调用次数已达上限；请明天继续。',
  },
  fix: {
    en: 'WeChat caps how many limited and square codes a mini program may make in a day: a batch pauses here and continues tomorrow where it stopped. Unlimited (scene) codes have only a per-minute limit.',
    zh: '微信限制小程序每天可生成的有数量限制小程序码和普通二维码：批量生成在此暂停，明天从停下的地方继续。无限量（scene）小程序码只有每分钟的频率限制。',
  },
  retryable: false,
};

/**
 * The same errcode means different things on the three code endpoints: 45009 is the per-minute
 * frequency limit for unlimited codes but the daily cap for limited and square ones (retrying it
 * only burns calls), and 40159 / 40169 state the limit of the kind's own field.
 */
const BY_KIND: Record<CodeKind, Record<number, CatalogueEntry>> = {
  limited: {
    45009: DAILY_LIMIT,
    40169: NOT_JSON,
  },
  qrcode: {
    45009: DAILY_LIMIT,
    40159: {
      meaning: {
        en: 'The page path is empty or longer than 128 bytes, the limit for a square QR code (a Chinese character takes 3 bytes).',
        zh: '页面路径为空或超过 128 字节，这是普通二维码的上限（一个汉字占 3 字节）。',
      },
      fix: SHORTER_PATH_FIX({ en: '1 to 128 bytes', zh: '1 到 128 字节' }),
      retryable: false,
    },
    40169: NOT_JSON,
  },
  unlimited: {
    45009: {
      meaning: {
        en: "WeChat's limit of 5,000 unlimited codes a minute for this mini program was reached.",
        zh: '已达到此小程序每分钟 5,000 个无限量小程序码的微信频率上限。',
      },
      fix: {
        en: 'Wait a minute and try again; a batch halves its pace by itself and speeds up again as calls pass.',
        zh: '请等一分钟后再试；批量生成会自动减半速度，调用顺利后再逐步加快。',
      },
      retryable: true,
    },
    40159: {
      meaning: {
        en: 'WeChat refused the page: it is longer than 1024 characters, or the request was not valid JSON.',
        zh: '微信拒绝了页面：超过 1024 个字符，或请求不是有效的 JSON。',
      },
      fix: {
        en: 'Enter just the page, such as pages/index/index, without a leading / or a query (leave it empty for the home page).',
        zh: '只填写页面本身，例如 pages/index/index，开头不加 /，不带参数（留空即为首页）。',
      },
      retryable: false,
    },
  },
};

/** Whether `errcode` on the endpoint of `kind` is WeChat's daily cap: every call until tomorrow would meet it. */
export function isDailyLimit(errcode: number | undefined, kind: CodeKind): boolean {
  return errcode !== undefined && BY_KIND[kind][errcode] === DAILY_LIMIT;
}

/** The catalogue entry for an errcode as the endpoint of `kind` means it; without a kind, the general one. */
export function catalogueEntry(errcode: number, kind?: CodeKind): CatalogueEntry | undefined {
  return (kind && BY_KIND[kind][errcode]) || WECHAT_ERRORS[errcode];
}

/** WeChat writes e.g. "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: …". */
function callerIp(errmsg: string): string | undefined {
  return /invalid ip ([0-9a-f.:]+)/i.exec(errmsg)?.[1];
}

function whitelistFix(ip: string): Localized {
  return {
    en: `Add ${ip} to the IP whitelist: ${WHITELIST_PLACE}, or use a token service so the AppSecret never has to be on this computer.`,
    zh: `请把 ${ip} 加入 IP 白名单：${WHITELIST_PLACE}；或改用令牌服务（中控服务器），这样 AppSecret 无需存放在这台电脑上。`,
  };
}

/**
 * The user-facing error for a WeChat `{errcode, errmsg}` answer; unknown codes still read well.
 * `kind`: the code the call asked for, when it was a code call (see BY_KIND).
 */
export function wechatError(errcode: number, errmsg: string, kind?: CodeKind): AppError {
  const entry = catalogueEntry(errcode, kind);
  if (!entry) {
    const said = errmsg.trim();
    return {
      code: 'wechat',
      errcode,
      errmsg,
      message: {
        en: `WeChat returned error ${errcode}${said ? `: ${said}` : '.'}`,
        zh: `微信返回错误 ${errcode}${said ? `：${said}` : '。'}`,
      },
      hint: {
        en: `Look up error ${errcode} in WeChat's documentation, or try again later.`,
        zh: `请在微信官方文档中查询错误码 ${errcode}，或稍后再试。`,
      },
      retryable: false,
    };
  }
  const ip = errcode === 40164 ? callerIp(errmsg) : undefined;
  return {
    code: 'wechat',
    errcode,
    errmsg,
    message: ip
      ? {
          en: `This computer's public IP address (${ip}) is not in the mini program's IP whitelist.`,
          zh: `这台电脑的公网 IP（${ip}）不在小程序的 IP 白名单中。`,
        }
      : entry.meaning,
    hint: ip ? whitelistFix(ip) : entry.fix,
    retryable: entry.retryable,
  };
}
