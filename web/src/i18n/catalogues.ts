import callsEn from '../calls/i18n/en.json'
import callsIt from '../calls/i18n/it.json'
import fundingEn from '../calls/funding/i18n/en.json'
import fundingIt from '../calls/funding/i18n/it.json'
import eventsEn from '../events/i18n/en.json'
import eventsIt from '../events/i18n/it.json'
import marketplaceEn from '../marketplace/i18n/en.json'
import marketplaceIt from '../marketplace/i18n/it.json'
import opportunitiesEn from '../opportunities/i18n/en.json'
import opportunitiesIt from '../opportunities/i18n/it.json'
import en from './en.json'
import it from './it.json'

// The shared catalogue plus one namespace per domain that keeps its own files (web/src/<domain>/i18n/).
export const italian = { ...it, calls: callsIt, funding: fundingIt, events: eventsIt, marketplace: marketplaceIt, opportunities: opportunitiesIt }
export const english = { ...en, calls: callsEn, funding: fundingEn, events: eventsEn, marketplace: marketplaceEn, opportunities: opportunitiesEn }
