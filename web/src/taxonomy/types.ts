export type TaxonomyNode = { code: string; parentCode: string | null; labelIt: string; labelEn: string }
