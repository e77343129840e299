#!/usr/bin/env node
// Compiles src/*.sol with solcjs (same settings as foundry.toml) and writes one artifact per
// deployable contract to artifacts/<Name>.json: { contractName, abi, bytecode, deployedBytecode }.
// The C# side loads these. `--check` compiles in memory and exits 1 when the committed artifacts
// differ (stale), without writing anything.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require(path.join(__dirname, '..', 'node_modules', 'solc'));

const root = path.join(__dirname, '..');
const deployable = ['TestUSD', 'AssetToken', 'Settlement', 'PrimarySale', 'RoyaltySplitter', 'HolderDistributor', 'RevenueReceivers', 'RevenueReceiver', 'PayoutRouter'];
const check = process.argv.includes('--check');

const sources = {};
for (const name of deployable) {
  const file = `src/${name}.sol`;
  sources[file] = { content: fs.readFileSync(path.join(root, file), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 10000 },
    remappings: ['@openzeppelin/contracts/=node_modules/@openzeppelin/contracts/'],
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

function findImports(importPath) {
  const mapped = importPath.replace(/^@openzeppelin\/contracts\//, 'node_modules/@openzeppelin/contracts/');
  const full = path.join(root, mapped);
  return fs.existsSync(full) ? { contents: fs.readFileSync(full, 'utf8') } : { error: `File not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}

const outDir = path.join(root, 'artifacts');
if (!check) fs.mkdirSync(outDir, { recursive: true });
let stale = [];
for (const name of deployable) {
  const compiled = output.contracts[`src/${name}.sol`][name];
  const artifact = {
    contractName: name,
    compiler: solc.version(),
    evmVersion: input.settings.evmVersion,
    abi: compiled.abi,
    bytecode: '0x' + compiled.evm.bytecode.object,
    deployedBytecode: '0x' + compiled.evm.deployedBytecode.object,
  };
  const text = JSON.stringify(artifact, null, 2) + '\n';
  const file = path.join(outDir, `${name}.json`);
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(name);
  } else {
    fs.writeFileSync(file, text);
  }
}
if (check && stale.length > 0) {
  console.error(`Stale contract artifacts: ${stale.join(', ')}. Run: node src/Contracts/tools/compile.cjs`);
  process.exit(1);
}
console.log(check ? 'Contract artifacts are current.' : `Wrote ${deployable.length} artifacts to ${outDir}`);
