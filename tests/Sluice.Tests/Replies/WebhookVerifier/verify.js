// Reads one received callback as JSON on stdin ({secret, headers, body}) and verifies it with the
// Standard Webhooks reference implementation; exit 0 and "verified" when the signature holds.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { secret, headers, body } = JSON.parse(input);
  try {
    new Webhook(secret).verify(body, headers);
    console.log("verified");
  } catch (error) {
    console.log(`refused: ${error.message}`);
    process.exit(1);
  }
});
