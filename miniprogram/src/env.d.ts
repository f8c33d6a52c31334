/** Set by `defineConstants` in config/index.ts: the CloudBase environment id, or '' for the default one. */
declare const LINLI_CLOUD_ENV: string;
/** Set by `defineConstants`: comma-separated subscription message template ids, or '' to ask for none. */
declare const LINLI_SUBSCRIBE_TEMPLATE_IDS: string;
