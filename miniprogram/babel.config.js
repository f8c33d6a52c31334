// babel-preset-taro compiles the app's TypeScript/JSX for both targets; Taro reads this from its cwd.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
};
