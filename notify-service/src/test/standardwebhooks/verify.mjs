// Verifies one webhook with the Standard Webhooks reference library, as a receiver written in JavaScript would.
// Reads {"secret", "id", "timestamp", "signature", "body"} as JSON on stdin; exits 0 and prints "verified" when the
// signature holds, 1 with the library's reason when it does not.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) {
  input += chunk;
}
const { secret, id, timestamp, signature, body } = JSON.parse(input);
try {
  new Webhook(secret).verify(body, {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signature,
  });
  console.log("verified");
} catch (error) {
  console.log(error.message);
  process.exit(1);
}
