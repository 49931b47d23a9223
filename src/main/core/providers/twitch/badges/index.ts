export { TwitchBadgeCatalogue, type BadgeCatalogueOptions, type TwitchBadgeImages } from './badge-catalogue';
export { parseBadgeSets, serializeBadgeSets, type BadgeImage, type BadgeSetTable } from './badge-sets';
export { loadBadgeCache, saveBadgeCache } from './badge-cache-file';
