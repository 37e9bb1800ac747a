// Runs one shopsim command from the CLI bundle with its output discarded, then prints the
// process's peak memory (max RSS, KB) and CPU seconds as JSON: node bench/peak.mjs COMMAND ARGS...
const { main } = await import('../build/cli/shopsim.mjs');
const code = await main(process.argv.slice(2), { out: () => {}, err: (t) => process.stderr.write(`${t}\n`) });
const u = process.resourceUsage();
console.log(JSON.stringify({ code, maxRssKb: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
