// OnAir runs on the Node that Electron 45 embeds (24). npm scripts find it in node_modules/.bin (the `node`
// devDependency), so this only fails when someone runs the tools with an older global Node directly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `OnAir needs Node >= 24 (this is ${process.version}). Run it through npm ("npm test", "npm start"), which uses the Node 24 from node_modules.`,
  );
  process.exit(1);
}
