// The Baidu fake as a process of its own, for the bench: in the bench's own process its JSON and base64 work would
// be counted against the guard's latency. Prints {"url","apiKey","secretKey"} on one line, then serves until killed.
import { FakeBaidu } from './fake-baidu.ts'
import { FakeBaiduSpeech } from './fake-baidu-speech.ts'

const fake = await new FakeBaidu().start()
new FakeBaiduSpeech(fake).transcribe = () => process.argv[2] ?? ''
console.log(JSON.stringify({ url: fake.url, apiKey: fake.apiKey, secretKey: fake.secretKey }))
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)))
