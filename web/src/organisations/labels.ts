/** "Pisa (PI)" in Italy, "Lyon, FR" abroad; empty when nothing is known. */
export function placeLabel(city: string | null, provinceCode: string | null, country: string): string {
  const local = [city, provinceCode ? `(${provinceCode})` : null].filter(Boolean).join(' ')
  return country === 'IT' ? local : [local, country].filter(Boolean).join(', ')
}
