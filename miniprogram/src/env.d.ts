/** Set by `defineConstants` in config/index.ts: the CloudBase environment id, or '' for the default one. */
declare const LINLI_CLOUD_ENV: string;
