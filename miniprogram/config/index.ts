import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro runs with cwd `miniprogram/` (see the npm scripts). Source lives in `src/`, the builds land in the
 * repository's `dist/weapp` and `dist/h5`, and the contract in `../shared` is compiled into both bundles.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const sharedDir = path.join(repoRoot, 'shared');
const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

export default defineConfig<'webpack5'>((merge, { mode }) => {
  const isProduction = mode === 'production' || process.env.NODE_ENV === 'production';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.join(repoRoot, 'dist', target),
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: !isProduction },
    defineConstants: {
      // The CloudBase environment id for `wx.cloud.init`; empty means the mini-program's default environment.
      LINLI_CLOUD_ENV: JSON.stringify(process.env.LINLI_CLOUD_ENV ?? ''),
      // Subscription message template ids (comma-separated) asked for at sign-up; empty skips the request.
      LINLI_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.LINLI_SUBSCRIBE_TEMPLATE_IDS ?? ''),
    },
    // The root project.config.json points WeChat DevTools at dist/weapp; it is not copied into the output.
    mini: {
      compile: { include: [sharedDir] },
      // Sizes are written in px and font sizes in em so the page root's font size scales everything.
      postcss: { pxtransform: { enable: false, config: {} } },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      router: { mode: 'hash' },
      postcss: { pxtransform: { enable: false, config: {} }, autoprefixer: { enable: true, config: {} } },
      devServer: {
        hot: false,
        port: 10086,
        // `npm start` serves the functions and the dev sign-in; the dev server forwards to it.
        proxy: [
          {
            context: ['/fn', '/dev', '/healthz'],
            target: `http://127.0.0.1:${process.env.PORT ?? '8787'}`,
          },
        ],
      },
    },
  };
  return merge({}, config);
});
