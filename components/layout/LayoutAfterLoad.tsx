'use client'

import { lazyAfterLoad } from './lazy-after-load'

/** The offline copy's service worker, registered once the page has loaded (see ServiceWorkerRegistration). */
export const ServiceWorkerRegistrationAfterLoad = lazyAfterLoad(() => import('./ServiceWorkerRegistration').then((module) => module.ServiceWorkerRegistration))
