// babel-preset-taro compiles the app's TypeScript/JSX for both targets; Taro reads this from its cwd.
// Its default targets (iOS 9, Android 5) turn our code into ES5. WeChat's own compiler already turns the whole
// package into ES5 on upload (`es6` in project.config.json), so we aim at engines WeChat still runs on (iOS 12,
// Chromium 70): the package we ship is smaller in WeChat's count (428 KB against 449 KB for the main package)
// and after WeChat's compile (457 KB against 464 KB).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        hot: false,
        targets: { ios: '12', chrome: '70' },
      },
    ],
  ],
};
