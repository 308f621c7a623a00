// Invokes the Lambda handler locally, as Lambda's nodejs24.x runtime would behind a
// Function URL: builds a payload-format-2.0 event (base64 body), awaits the handler
// and checks the response object's shape. Prints that response as one line of JSON.
//   node24 demos/aws-lambda/invoke-local.mjs '<path with query>' '<headers JSON>' < stdin
/* eslint-disable node/prefer-global/process, antfu/no-top-level-await -- a host: importing node:process reads process.stdout, which turns a piped stdout non-blocking (Zig's output stops at 64 KiB); a command-line entry may await at top level */
import { readFileSync } from 'node:fs'
import { handler } from './index.mjs'

const [pathAndQuery, headersJson = '{}'] = process.argv.slice(2)
const [rawPath, rawQueryString = ''] = pathAndQuery.split('?')
const body = readFileSync(0)
const headers = { 'content-type': 'application/octet-stream', 'host': 'abc123.lambda-url.us-east-1.on.aws', ...JSON.parse(headersJson) }
const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath,
  rawQueryString,
  headers,
  ...(rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) } : {}),
  requestContext: {
    accountId: 'anonymous',
    apiId: 'abc123',
    domainName: headers.host,
    domainPrefix: 'abc123',
    http: { method: 'POST', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'npm-run-runtimes' },
    requestId: crypto.randomUUID(),
    routeKey: '$default',
    stage: '$default',
    time: new Date().toUTCString(),
    timeEpoch: Date.now(),
  },
  body: body.toString('base64'),
  isBase64Encoded: true,
}
const response = await handler(event)
/** @type {string[]} */
const problems = []
if (!Number.isInteger(response?.statusCode))
  problems.push('statusCode is not an integer')
if (typeof response?.body !== 'string')
  problems.push('body is not a string')
if (response?.isBase64Encoded !== true)
  problems.push('isBase64Encoded is not true')
if (Object.values(response?.headers ?? {}).some(v => typeof v !== 'string'))
  problems.push('a header value is not a string')
if (problems.length) {
  console.error(`the handler's response is not what Lambda expects: ${problems.join('; ')}`)
  process.exit(3)
}
process.stdout.write(`${JSON.stringify(response)}\n`)
