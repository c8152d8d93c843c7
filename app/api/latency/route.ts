// The mock latency server as an ordinary Next.js route handler, for hosts that run Next without
// server/index.ts. The custom server answers /api/latency itself, faster; both share lib/latency.
import { handleLatencyRequest, latencyPreflightResponse, type LatencyResponse } from '@/lib/latency'

// Every answer is a fresh timed wait: never prerender or cache it.
export const dynamic = 'force-dynamic'

function toResponse(result: LatencyResponse): Response {
  // 204 must not carry a body, and an empty string still counts as one.
  const body = result.status === 204 ? null : result.body
  return new Response(body, { status: result.status, headers: result.headers })
}

export async function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url)
  return toResponse(await handleLatencyRequest(searchParams, request.signal))
}

export function OPTIONS(): Response {
  return toResponse(latencyPreflightResponse())
}
