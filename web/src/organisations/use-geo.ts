import { useMemo } from 'react'
import { useReference } from '../platform/use-api'
import type { Province, Region } from './types'

export type Geography = { provinces: Province[]; regions: Region[]; province: (code: string | null) => Province | undefined }

export function useGeography(): Geography {
  const provinces = useReference<{ items: Province[] }>('/api/geo/provinces')
  const regions = useReference<{ items: Region[] }>('/api/geo/regions')
  return useMemo(() => {
    const byCode = new Map((provinces.data?.items ?? []).map((province) => [province.code, province]))
    return {
      provinces: [...(provinces.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')),
      regions: regions.data?.items ?? [],
      province: (code: string | null) => (code ? byCode.get(code) : undefined),
    }
  }, [provinces.data, regions.data])
}
