'use strict'
// Drives every method of the official TrackingMore v4 Node SDK (trackingmore-sdk-nodejs, pinned in package.json)
// against the emulator, and checks each answer as api-v4.md says (the project's copy of it: the emulator README's v4
// section and tests/TrackingMore.Emulator.Tests/V4Record.cs). Prints one "ok"/"not ok" line per check, TAP style,
// and exits 1 when any check fails.
//
//   node sdk-check.js http://127.0.0.1:PORT API-KEY
//
// The SDK hard-codes its base URL (https://api.trackingmore.com/v4, port 443) and has no option to change it. The
// shim below is the only change: it replaces https.request, which the SDK's request module calls, with an
// http.request to the emulator's host and port. Method, path, headers, body and timeout stay the SDK's own.
const http = require('http')
const https = require('https')
const assert = require('assert/strict')

const [root, key] = process.argv.slice(2)
if (!root || !key) {
  console.error('usage: node sdk-check.js http://127.0.0.1:PORT API-KEY')
  process.exit(2)
}
const emulator = new URL(root)
const sent = []
https.request = (options, callback) => {
  sent.push(`${options.method} ${options.path}`)
  return http.request({ ...options, hostname: emulator.hostname, port: emulator.port }, callback)
}
const TrackingMore = require('trackingmore-sdk-nodejs')

const SUCCESS = 'Request response is successful'
const TRACKING_FIELDS = [
  'id', 'tracking_number', 'courier_code', 'order_number', 'order_date', 'order_id', 'created_at', 'update_at',
  'delivery_status', 'substatus', 'status_info', 'archived', 'updating', 'source', 'origin_country', 'origin_state',
  'origin_city', 'destination_country', 'destination_state', 'destination_city', 'tracking_postal_code',
  'tracking_ship_date', 'tracking_destination_country', 'tracking_origin_country', 'tracking_key',
  'tracking_courier_account', 'customer_name', 'customer_email', 'customer_sms', 'recipient_postcode', 'title',
  'logistics_channel', 'note', 'label', 'signed_by', 'service_code', 'weight', 'weight_kg', 'product_type', 'pieces',
  'dimension', 'previously', 'destination_track_number', 'exchange_number', 'scheduled_delivery_date',
  'scheduled_address', 'latest_event', 'latest_checkpoint_time', 'transit_time', 'origin_info', 'destination_info'
].sort()
const COURIER_FIELDS = [
  'courier_name', 'courier_code', 'courier_country_iso2', 'courier_url', 'courier_phone', 'courier_type',
  'tracking_required_fields', 'optional_fields', 'default_language', 'support_language', 'courier_logo'
].sort()
const ID = /^[0-9a-f]{32}$/

let failures = 0
let count = 0
async function check (description, run) {
  count++
  try {
    const note = await run()
    console.log(`ok ${count} - ${description}${note ? ` (${note})` : ''}`)
  } catch (e) {
    failures++
    console.log(`not ok ${count} - ${description}`)
    console.log(`  # ${String(e && e.message).split('\n').join('\n  # ')}`)
  }
}

function meta (answer, code, message) {
  assert.deepEqual(Object.keys(answer), ['meta', 'data'])
  assert.deepEqual(answer.meta, { code, message })
}

function isTracking (t) {
  assert.deepEqual(Object.keys(t).sort(), TRACKING_FIELDS)
  assert.match(t.id, ID)
  assert.equal(typeof t.updating, 'boolean')
  assert.ok(['tracking', 'archived'].includes(t.archived))
}

/** A raw v4 GET, for what the SDK cannot ask (it drops every query parameter). */
function rawGet (path) {
  return new Promise((resolve, reject) => {
    http.get({ hostname: emulator.hostname, port: emulator.port, path: '/v4/' + path, headers: { 'Tracking-Api-Key': key } }, res => {
      let body = ''
      res.on('data', c => { body += c })
      res.on('end', () => resolve(JSON.parse(body)))
    }).on('error', reject)
  })
}

function number () {
  return 'SD' + String(Date.now() % 1e9).padStart(9, '0').slice(0, 6) + String(Math.floor(Math.random() * 1000)).padStart(3, '0') + 'CN'
}

async function main () {
  const sdk = new TrackingMore(key)
  const first = number()
  const second = number()
  let created

  await check('couriers.getAllCouriers: 200, every courier with its required fields', async () => {
    const answer = await sdk.couriers.getAllCouriers()
    meta(answer, 200, SUCCESS)
    assert.ok(Array.isArray(answer.data) && answer.data.length > 50)
    for (const c of answer.data) assert.deepEqual(Object.keys(c).sort(), COURIER_FIELDS)
    const postnl = answer.data.find(c => c.courier_code === 'postnl-3s')
    assert.deepEqual(postnl.tracking_required_fields, ['tracking_postal_code', 'tracking_destination_country'])
    return `${answer.data.length} couriers`
  })

  await check('couriers.detect: an S10 number is the post of its country', async () => {
    const answer = await sdk.couriers.detect({ tracking_number: 'RR123456785CN' })
    meta(answer, 200, SUCCESS)
    assert.equal(answer.data[0].courier_code, 'china-post')
    assert.deepEqual(Object.keys(answer.data[0]).sort(), COURIER_FIELDS)
  })

  await check('trackings.createTracking (the SDK example\'s fields, "" for unset ones): one full tracking with results', async () => {
    const answer = await sdk.trackings.createTracking({
      tracking_number: first, courier_code: 'china-post', order_number: '', customer_name: '', title: '', language: 'en', note: 'test Order'
    })
    meta(answer, 200, SUCCESS)
    isTracking(answer.data)
    created = answer.data
    assert.equal(created.tracking_number, first)
    assert.equal(created.note, 'test Order')
    assert.equal(created.title, null, '"" means not given')
    assert.notEqual(created.delivery_status, 'pending', 'create is also the realtime call')
    return `${created.delivery_status}/${created.substatus}`
  })

  await check('trackings.createTracking again: 400-class meta 4101, data null (the SDK resolves, it does not throw)', async () => {
    const answer = await sdk.trackings.createTracking({ tracking_number: first, courier_code: 'china-post' })
    meta(answer, 4101, 'Tracking No. already exists.')
    assert.equal(answer.data, null)
  })

  await check('trackings.createTracking with an unknown courier: meta 4120', async () => {
    const answer = await sdk.trackings.createTracking({ tracking_number: number(), courier_code: 'no-such-courier' })
    meta(answer, 4120, 'The value of courier_code is invalid.')
  })

  await check('trackings.getTrackingResults: the SDK drops its filters (api-v4.md), so the answer is the first page of the account', async () => {
    const answer = await sdk.trackings.getTrackingResults({ tracking_numbers: first, courier_code: 'china-post' })
    meta(answer, 200, SUCCESS)
    assert.ok(Array.isArray(answer.data))
    answer.data.forEach(isTracking)
    assert.equal(sent[sent.length - 1], 'GET /v4/trackings/get', 'the query string was dropped')
    assert.ok(answer.data.length > 1, 'unfiltered: more than the one tracking asked for')
    assert.ok(answer.data.some(t => t.id === created.id), 'the newest tracking is on the first page (newest first)')
    return `${answer.data.length} trackings for one number asked`
  })

  await check('trackings.batchCreateTrackings: 200 with success and error entries (4101 names the existing id)', async () => {
    const answer = await sdk.trackings.batchCreateTrackings([
      { tracking_number: second, courier_code: 'china-post' },
      { tracking_number: first, courier_code: 'china-post' }
    ])
    meta(answer, 200, SUCCESS)
    assert.deepEqual(Object.keys(answer.data), ['success', 'error'])
    assert.equal(answer.data.success.length, 1)
    assert.deepEqual(Object.keys(answer.data.success[0]), ['id', 'tracking_number', 'courier_code'])
    assert.equal(answer.data.success[0].tracking_number, second)
    assert.deepEqual(answer.data.error, [{
      id: created.id, tracking_number: first, courier_code: 'china-post', errorCode: 4101, errorMessage: 'Tracking No. already exists.'
    }])
  })

  await check('trackings.updateTrackingByID: an echo of the editable fields, courier before and courier_code_new null', async () => {
    const answer = await sdk.trackings.updateTrackingByID(created.id, { customer_name: 'New name', note: 'New test order note' })
    meta(answer, 200, SUCCESS)
    assert.equal(answer.data.id, created.id)
    assert.equal(answer.data.courier_code, 'china-post')
    assert.equal(answer.data.courier_code_new, null)
    assert.equal(answer.data.customer_name, 'New name')
    assert.equal(answer.data.note, 'New test order note')
    assert.equal(answer.data.origin_info, undefined, 'not a full tracking')
    const listed = await rawGet(`trackings/get?tracking_numbers=${first}`)
    assert.equal(listed.data[0].customer_name, 'New name')
  })

  await check('trackings.updateTrackingByID with an unknown id: meta 4112', async () => {
    meta(await sdk.trackings.updateTrackingByID('0123456789abcdef0123456789abcdef', { note: 'x' }), 4112, 'Invalid Tracking ID.')
  })

  await check('trackings.retrackTrackingByID of a tracking that is not expired: meta 4113', async () => {
    const answer = await sdk.trackings.retrackTrackingByID(created.id)
    meta(answer, 4113, 'Retrack is not allowed. You can only retrack an expired tracking.')
  })

  await check('trackings.retrackTrackingByID of the seeded expired tracking: still expired, updating', async () => {
    const expired = (await rawGet('trackings/get?delivery_status=expired&items_amount=1')).data[0]
    assert.ok(expired, 'the seed holds an expired tracking')
    const answer = await sdk.trackings.retrackTrackingByID(expired.id)
    meta(answer, 200, SUCCESS)
    isTracking(answer.data)
    assert.equal(answer.data.delivery_status, 'expired')
    assert.equal(answer.data.updating, true)
  })

  await check('trackings.deleteTrackingByID: {id, tracking_number, courier_code}, then gone', async () => {
    const answer = await sdk.trackings.deleteTrackingByID(created.id)
    meta(answer, 200, SUCCESS)
    assert.deepEqual(answer.data, { id: created.id, tracking_number: first, courier_code: 'china-post' })
    meta(await sdk.trackings.deleteTrackingByID(created.id), 4112, 'Invalid Tracking ID.')
  })

  await check('airWaybills.createAnAirWayBill: the SDK calls /v4//awb (api-v4.md), which is 404 as paths match exactly', async () => {
    const answer = await sdk.airWaybills.createAnAirWayBill({ awb_number: '235-69030430' })
    assert.equal(sent[sent.length - 1], 'POST /v4//awb')
    meta(answer, 404, 'Page does not exist. Please check and ensure your link is correct.')
    assert.equal(answer.data, null)
  })

  await check('a key the emulator does not know: 401 for every method', async () => {
    const stranger = new TrackingMore('not-a-key')
    meta(await stranger.couriers.getAllCouriers(), 401,
      'Authentication failed or has no permission. Please check and ensure your API Key is correct.')
    meta(await stranger.trackings.createTracking({ tracking_number: number(), courier_code: 'china-post' }), 401,
      'Authentication failed or has no permission. Please check and ensure your API Key is correct.')
  })

  console.log(`1..${count}`)
  console.log(`# ${count - failures} passed, ${failures} failed; requests the SDK sent: ${sent.length}`)
  process.exit(failures === 0 ? 0 : 1)
}

main().catch(e => {
  console.log(`not ok - ${e && e.stack}`)
  process.exit(1)
})
