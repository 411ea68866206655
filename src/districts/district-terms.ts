// The kinds of cluster as a plain list, with no server dependency: the API's schemas and the web app both import
// it (see ARCHITECTURE.md).

export const clusterKinds = ['regional_district', 'cluster_of_clusters', 'regional_cluster', 'national_cluster'] as const
