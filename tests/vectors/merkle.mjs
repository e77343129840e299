// Writes the vectors that pin the C# chain code to independent reference implementations:
//   merkle.json  - OpenZeppelin StandardMerkleTree (@openzeppelin/merkle-tree): roots, proofs, multiproofs
//                  of trees of the distributor's leaf (HolderDistributor.leaf).
//   eip712.json  - EIP-712 digests (ethers TypedDataEncoder) of the three messages the custodial wallets sign.
// Run: npm ci && node merkle.mjs. Everything is derived from fixed seeds: a second run writes the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { TypedDataEncoder, getAddress, keccak256, toUtf8Bytes, dataSlice, toBigInt, MaxUint256 } from 'ethers';

const here = new URL('.', import.meta.url);
// The versions actually installed (package.json pins them exactly), recorded in the fixtures.
const installed = pkg => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, here), 'utf8')).version;
const versions = { merkleTree: installed('@openzeppelin/merkle-tree'), ethers: installed('ethers') };

/** A word of the seed's keccak256, as a BigInt: deterministic "random" numbers. */
const word = seed => toBigInt(keccak256(toUtf8Bytes(seed)));
/** A checksummed address from a seed (the last 20 bytes of its hash). */
const address = seed => getAddress(dataSlice(keccak256(toUtf8Bytes(seed)), 12));

function write(name, data) {
  const json = JSON.stringify(data, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
  writeFileSync(new URL(name, here), json);
  console.log(`wrote ${name}`);
}

// ------------------------------------------------------------------ Merkle trees

// HolderDistributor.leaf: keccak256(bytes.concat(keccak256(abi.encode(assetId, index, account, cumulative)))).
const leafEncoding = ['uint256', 'uint256', 'address', 'uint256'];
const LONG_MAX = 2n ** 63n - 1n;

/**
 * A tree as the platform builds one: holder indices 0..n-1 in order, cumulative amounts in minor units.
 * The C# side takes long asset ids and amounts, so every value stays below 2^63; the edges are included.
 */
function holders(name, assetId, count) {
  return Array.from({ length: count }, (_, i) => {
    let cumulative = word(`${name}:cumulative:${i}`) % 10n ** 12n;
    if (count >= 100 && i === 3) cumulative = 0n;
    if (count >= 100 && i === 4) cumulative = LONG_MAX;
    return [assetId, BigInt(i), address(`${name}:holder:${i}`), cumulative];
  });
}

const treeSpecs = [
  { name: 'one-leaf', assetId: 1n, count: 1, proofs: [0], multi: [[0], []] },
  { name: 'two-leaves', assetId: 7n, count: 2, proofs: [0, 1], multi: [[0, 1], [1]] },
  { name: 'three-leaves', assetId: 42n, count: 3, proofs: [0, 1, 2], multi: [[0, 2], [2, 1, 0], [1]] },
  { name: 'seven-leaves', assetId: 3n, count: 7, proofs: [0, 3, 6], multi: [[1, 2, 5], [6, 0], [0, 1, 2, 3, 4, 5, 6]] },
  {
    name: 'hundred-leaves',
    assetId: 2n ** 53n + 1n,
    count: 100,
    proofs: [0, 1, 3, 4, 37, 63, 99],
    multi: [
      Array.from({ length: 10 }, (_, i) => i),
      [95, 50, 5],
      [3, 4, 98, 99],
      Array.from({ length: 100 }, (_, i) => 99 - i),
    ],
  },
];

const trees = treeSpecs.map(spec => {
  const values = holders(spec.name, spec.assetId, spec.count);
  const tree = StandardMerkleTree.of(values, leafEncoding);
  tree.validate();
  const leafHashes = values.map(v => tree.leafHash(v));
  const valueIndexOf = hash => leafHashes.indexOf(hash);
  return {
    name: spec.name,
    values: values.map(([assetId, index, account, cumulative]) => ({ assetId, index: Number(index), account, cumulative })),
    leafHashes,
    root: tree.root,
    proofs: spec.proofs.map(i => {
      const proof = tree.getProof(i);
      if (!StandardMerkleTree.verify(tree.root, leafEncoding, values[i], proof)) throw new Error(`${spec.name}: proof ${i}`);
      return { value: i, proof };
    }),
    multiProofs: spec.multi.map(request => {
      const multi = tree.getMultiProof([...request]);
      if (!StandardMerkleTree.verifyMultiProof(tree.root, leafEncoding, multi)) throw new Error(`${spec.name}: multiproof ${request}`);
      const order = multi.leaves.map(v => valueIndexOf(tree.leafHash(v)));
      return { request, leaves: order, leafHashes: order.map(i => leafHashes[i]), proof: multi.proof, proofFlags: multi.proofFlags };
    }),
  };
});

write('merkle.json', {
  about: 'OpenZeppelin StandardMerkleTree vectors for the distributor leaf; regenerate with `npm ci && node merkle.mjs` in tests/vectors.',
  generator: `@openzeppelin/merkle-tree ${versions.merkleTree}`,
  leafEncoding,
  trees,
});

// ------------------------------------------------------------------ EIP-712 digests

const domain = (name, chainId, seed) => ({ name, version: '1', chainId, verifyingContract: address(seed) });

const permitTypes = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};
const orderTypes = {
  PurchaseOrder: [
    { name: 'buyer', type: 'address' },
    { name: 'assetId', type: 'uint256' },
    { name: 'quantity', type: 'uint256' },
    { name: 'commissionBps', type: 'uint16' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};
const authorizationTypes = {
  FundingAuthorization: [
    { name: 'funder', type: 'address' },
    { name: 'cap', type: 'uint256' },
    { name: 'expiry', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
  ],
};

function vector(d, types, message) {
  const primaryType = TypedDataEncoder.getPrimaryType(types);
  return {
    domain: d,
    domainSeparator: TypedDataEncoder.hashDomain(d),
    primaryType,
    encodedType: TypedDataEncoder.from(types).encodeType(primaryType),
    message,
    structHash: TypedDataEncoder.hashStruct(primaryType, types, message),
    digest: TypedDataEncoder.hash(d, types, message),
  };
}

// TestUSD: ERC20Permit("Test USD") -> EIP712("Test USD", "1").
const usdAnvil = domain('Test USD', 31337, 'TestUSD@31337');
const usdBase = domain('Test USD', 8453, 'TestUSD@8453');
// PrimarySale: EIP712("TokenPlatform PrimarySale", "1"); PayoutRouter: EIP712("TokenPlatform PayoutRouter", "1").
const saleAnvil = domain('TokenPlatform PrimarySale', 31337, 'PrimarySale@31337');
const saleBase = domain('TokenPlatform PrimarySale', 8453, 'PrimarySale@8453');
const routerAnvil = domain('TokenPlatform PayoutRouter', 31337, 'PayoutRouter@31337');
const routerBase = domain('TokenPlatform PayoutRouter', 8453, 'PayoutRouter@8453');

// Each vector: [domain, message]. Anvil (31337) and Base (8453) domains, so the chain id is exercised too.
const permits = [
  // What CustodialPermit signs for the sale and the operator: an unlimited allowance.
  [usdAnvil, { owner: address('investor:1'), spender: saleAnvil.verifyingContract, value: MaxUint256, nonce: 0n, deadline: 1_800_086_400n }],
  // The router's capped permit, and its revocation (value 0).
  [usdBase, { owner: address('issuer:1'), spender: routerBase.verifyingContract, value: 5_000_000_000n, nonce: 3n, deadline: 1_831_622_400n }],
  [usdBase, { owner: address('issuer:1'), spender: routerBase.verifyingContract, value: 0n, nonce: 4n, deadline: 1_800_000_600n }],
].map(([d, m]) => vector(d, permitTypes, m));

const orders = [
  // The known answer of PrimarySaleOrderSignatures.t.sol (digest 0xe80d5ba2...): forge, ethers and C# agree on it.
  [{ name: 'TokenPlatform PrimarySale', version: '1', chainId: 31337, verifyingContract: '0x2222222222222222222222222222222222222222' },
    { buyer: '0x1111111111111111111111111111111111111111', assetId: 1n, quantity: 20n, commissionBps: 250, nonce: 42n, deadline: 1_800_003_600n }],
  [saleAnvil, { buyer: address('investor:1'), assetId: 1n, quantity: 20n, commissionBps: 250, nonce: 42n, deadline: 1_800_003_600n }],
  // A purchase id (GUID, 128 bits) as the nonce, as BuyFractionsHandler does.
  [saleBase, { buyer: address('investor:2'), assetId: 2n ** 53n + 1n, quantity: 2n ** 48n - 1n, commissionBps: 5000, nonce: word('purchase:guid') % 2n ** 128n, deadline: 1_800_086_400n }],
  [saleAnvil, { buyer: address('investor:3'), assetId: 12n, quantity: 1n, commissionBps: 0, nonce: 0n, deadline: 0n }],
].map(([d, m]) => vector(d, orderTypes, m));

const authorizations = [
  [routerAnvil, { funder: address('issuer:1'), cap: 5_000_000_000n, expiry: 1_831_622_400n, nonce: 0n }],
  // A zero cap with expiry 0: what SetFundingAuthorizationHandler signs to revoke.
  [routerAnvil, { funder: address('issuer:1'), cap: 0n, expiry: 0n, nonce: 1n }],
  [routerBase, { funder: address('issuer:2'), cap: 2n ** 96n - 1n, expiry: 2n ** 64n - 1n, nonce: 2n ** 255n }],
].map(([d, m]) => vector(d, authorizationTypes, m));

write('eip712.json', {
  about: 'EIP-712 digests of the messages custodial wallets sign; regenerate with `npm ci && node merkle.mjs` in tests/vectors.',
  generator: `ethers ${versions.ethers} TypedDataEncoder`,
  permits,
  purchaseOrders: orders,
  fundingAuthorizations: authorizations,
});
