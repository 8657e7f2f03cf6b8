// Generated from the service's /api/openapi.json by `npm run generate:sdk`. Do not edit.

export interface paths {
    "/api/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account, its plan, limits and usage
         * @description Requires the permission `account.billing` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            limits: {
                                /** @description null = unlimited */
                                teamMembers: number | null;
                                /** @description null = unlimited */
                                workspaces: number | null;
                            };
                            name: string;
                            /** @enum {unknown} */
                            plan: "free" | "essentials" | "premium" | "team" | "custom";
                            /** @description Every member must use two-factor; one without it can reach only their profile */
                            requireTwoFactor: boolean;
                            trialEndsAt: string | null;
                            usage: {
                                teamMembers: number;
                                workspaces: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename the account, change its plan, or require two-factor of every member
         * @description Requires the permission `account.billing` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {unknown} */
                        plan?: "free" | "essentials" | "premium" | "team";
                        /** @description Account Admins only (403 otherwise); turning it on needs two-factor of your own (409 own_two_factor_required) */
                        requireTwoFactor?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            limits: {
                                /** @description null = unlimited */
                                teamMembers: number | null;
                                /** @description null = unlimited */
                                workspaces: number | null;
                            };
                            name: string;
                            /** @enum {unknown} */
                            plan: "free" | "essentials" | "premium" | "team" | "custom";
                            /** @description Every member must use two-factor; one without it can reach only their profile */
                            requireTwoFactor: boolean;
                            trialEndsAt: string | null;
                            usage: {
                                teamMembers: number;
                                workspaces: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/account/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole account’s activity log, newest first
         * @description Requires the permission `account.activity.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    /** @description e.g. workspace.settings_changed */
                    action?: string;
                    actorMemberId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    targetId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: {
                                    /** @description The client address of the request that made the change */
                                    ipAddress: string | null;
                                    memberId: string | null;
                                    name: string;
                                };
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description What changed, a row per field, values in words ("Hidden" when masked) */
                                changes: {
                                    after: string | null;
                                    before: string | null;
                                    field: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                /** @description The entry as a sentence, with names in words ("Ada Lovelace changed Grace Hopper’s role in Staging from Viewer to Author"); hidden attributes stay hidden in it */
                                summary: string;
                                target: {
                                    id: string;
                                    name: string | null;
                                    type: string;
                                };
                                workspaceId: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent jobs of the account, newest first
         * @description Requires the permission `workspaces.delete` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** Format: date-time */
                                createdAt: string;
                                finishedAt: string | null;
                                id: string;
                                kind: string;
                                lastError: string | null;
                                progress: {
                                    done: number;
                                    total: number | null;
                                };
                                /** @description What the job reports when done (an import: counts, and the rows refused by line) */
                                result: {
                                    [key: string]: unknown;
                                } | null;
                                /** @enum {unknown} */
                                state: "queued" | "running" | "succeeded" | "failed";
                                workspaceId: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress of one job
         * @description Requires the permission `workspaces.delete` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            kind: string;
                            lastError: string | null;
                            progress: {
                                done: number;
                                total: number | null;
                            };
                            /** @description What the job reports when done (an import: counts, and the rows refused by line) */
                            result: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {unknown} */
                            state: "queued" | "running" | "succeeded" | "failed";
                            workspaceId: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/scim-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups pushed by the identity provider, with member counts and mapped roles
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                displayName: string;
                                externalId: string | null;
                                id: string;
                                memberCount: number;
                                roles: {
                                    /** @description Authors and Viewers only */
                                    hideAttributes: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    /** @description A workspace id, or "all" for every workspace, present and future */
                                    workspaceId: string;
                                }[];
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/scim-groups/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Map a group to workspace roles; its members get them at once
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: {
                            /** @description Authors and Viewers only */
                            hideAttributes: boolean;
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                            /** @description A workspace id, or "all" for every workspace, present and future */
                            workspaceId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            externalId: string | null;
                            id: string;
                            memberCount: number;
                            roles: {
                                /** @description Authors and Viewers only */
                                hideAttributes: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** @description A workspace id, or "all" for every workspace, present and future */
                                workspaceId: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/scim-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s SCIM tokens (never their secrets)
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a SCIM token; the token is in this answer only
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        } & {
                            /** @description The bearer token, shown this once */
                            token: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/scim-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a SCIM token; provisioning with it stops at once
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s single sign-on, its domains, and the values for the identity provider
         * @description Always 200: `type` is null until single sign-on is set up. The client secret is never shown.
         *
         *     Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description OIDC */
                            clientId: string | null;
                            /** @description OIDC: a client secret is stored (it is never shown) */
                            clientSecretSet: boolean;
                            domains: {
                                domain: string;
                                /** @description Add this TXT record to the domain’s DNS, then verify */
                                verification: {
                                    /** @description The DNS name to add a TXT record at */
                                    recordName: string;
                                    /** @description The TXT record’s value */
                                    recordValue: string;
                                };
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                            enforce: boolean;
                            /** @description SAML: the IdP’s sign-in URL */
                            entryPoint: string | null;
                            /** @description SAML: the IdP’s signing certificate (PEM) */
                            idpCertificate: string | null;
                            /** @description SAML: the IdP’s entity id */
                            idpIssuer: string | null;
                            /** @description OIDC */
                            issuer: string | null;
                            jitAccess: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                                roles: {
                                    /** @description Authors and Viewers only */
                                    hideAttributes?: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                }[];
                            };
                            jitProvisioning: boolean;
                            /** @description The values to paste into the identity provider */
                            serviceProvider: {
                                /** @description OIDC: the redirect (callback) URI to register */
                                oidcRedirectUri: string;
                                /** @description SAML: the assertion consumer service URL (HTTP-POST) */
                                samlAcsUrl: string;
                                /** @description SAML: the service provider’s entity id (audience) */
                                samlEntityId: string;
                                /** @description SAML: the service provider’s metadata */
                                samlMetadataUrl: string;
                            };
                            /** @description null: single sign-on is not set up */
                            type: ("oidc" | "saml") | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set up or replace single sign-on (OIDC or SAML 2.0)
         * @description OIDC needs issuer, clientId and (the first time) clientSecret; SAML needs entryPoint and idpCertificate. The connection is checked before it is stored (OIDC discovery; the SAML certificate). Domains not listed any more are dropped; new ones wait for verification (POST …/domains/{domain}/verify).
         *
         *     Requires the permission `account.security.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientId?: string;
                        /** @description OIDC, write-only: required the first time, kept when left out */
                        clientSecret?: string;
                        domains: string[];
                        /** @description Members sign in only through SSO */
                        enforce?: boolean;
                        /**
                         * Format: uri
                         * @description SAML: the IdP’s single sign-on URL (HTTP-Redirect)
                         */
                        entryPoint?: string;
                        /** @description SAML: PEM or base64 DER */
                        idpCertificate?: string;
                        idpIssuer?: string;
                        /**
                         * Format: uri
                         * @description OIDC: the issuer URL (discovery is read from it)
                         */
                        issuer?: string;
                        jitAccess?: {
                            /** @description Authors and Viewers only */
                            hideAttributes?: boolean;
                            /** @enum {string} */
                            mode: "all";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                        } | {
                            /** @enum {string} */
                            mode: "custom";
                            roles: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                            }[];
                        };
                        /** @description A first SSO sign-in from a verified domain creates the member */
                        jitProvisioning?: boolean;
                        type: "oidc" | "saml";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description OIDC */
                            clientId: string | null;
                            /** @description OIDC: a client secret is stored (it is never shown) */
                            clientSecretSet: boolean;
                            domains: {
                                domain: string;
                                /** @description Add this TXT record to the domain’s DNS, then verify */
                                verification: {
                                    /** @description The DNS name to add a TXT record at */
                                    recordName: string;
                                    /** @description The TXT record’s value */
                                    recordValue: string;
                                };
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                            enforce: boolean;
                            /** @description SAML: the IdP’s sign-in URL */
                            entryPoint: string | null;
                            /** @description SAML: the IdP’s signing certificate (PEM) */
                            idpCertificate: string | null;
                            /** @description SAML: the IdP’s entity id */
                            idpIssuer: string | null;
                            /** @description OIDC */
                            issuer: string | null;
                            jitAccess: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                                roles: {
                                    /** @description Authors and Viewers only */
                                    hideAttributes?: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                }[];
                            };
                            jitProvisioning: boolean;
                            /** @description The values to paste into the identity provider */
                            serviceProvider: {
                                /** @description OIDC: the redirect (callback) URI to register */
                                oidcRedirectUri: string;
                                /** @description SAML: the assertion consumer service URL (HTTP-POST) */
                                samlAcsUrl: string;
                                /** @description SAML: the service provider’s entity id (audience) */
                                samlEntityId: string;
                                /** @description SAML: the service provider’s metadata */
                                samlMetadataUrl: string;
                            };
                            /** @description null: single sign-on is not set up */
                            type: ("oidc" | "saml") | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Turn single sign-on off (its domains are dropped; members sign in with passwords again)
         * @description Requires the permission `account.security.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/sso/domains/{domain}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a domain by its DNS TXT record
         * @description Looks up the TXT record given in the domain’s `verification`. Not found yet: 409, try again later. A domain verified by another account stays theirs: 409.
         *
         *     Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An email domain, lower case (example.com) */
                    domain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description OIDC */
                            clientId: string | null;
                            /** @description OIDC: a client secret is stored (it is never shown) */
                            clientSecretSet: boolean;
                            domains: {
                                domain: string;
                                /** @description Add this TXT record to the domain’s DNS, then verify */
                                verification: {
                                    /** @description The DNS name to add a TXT record at */
                                    recordName: string;
                                    /** @description The TXT record’s value */
                                    recordValue: string;
                                };
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                            enforce: boolean;
                            /** @description SAML: the IdP’s sign-in URL */
                            entryPoint: string | null;
                            /** @description SAML: the IdP’s signing certificate (PEM) */
                            idpCertificate: string | null;
                            /** @description SAML: the IdP’s entity id */
                            idpIssuer: string | null;
                            /** @description OIDC */
                            issuer: string | null;
                            jitAccess: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                                roles: {
                                    /** @description Authors and Viewers only */
                                    hideAttributes?: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                }[];
                            };
                            jitProvisioning: boolean;
                            /** @description The values to paste into the identity provider */
                            serviceProvider: {
                                /** @description OIDC: the redirect (callback) URI to register */
                                oidcRedirectUri: string;
                                /** @description SAML: the assertion consumer service URL (HTTP-POST) */
                                samlAcsUrl: string;
                                /** @description SAML: the service provider’s entity id (audience) */
                                samlEntityId: string;
                                /** @description SAML: the service provider’s metadata */
                                samlMetadataUrl: string;
                            };
                            /** @description null: single sign-on is not set up */
                            type: ("oidc" | "saml") | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/sso/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test the connection: a sign-in through the identity provider that opens no session
         * @description Answers the URL to open in the browser. The identity provider sends the browser back to the console’s security page with what it said (the address it signed in) or why it was refused.
         *
         *     Requires the permission `account.security.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/support-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s support access grants, newest first, with the sessions started in each
         * @description Requires the permission `support_access.manage` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                expiresAt: string;
                                hideAttributes: boolean;
                                /** @description An id starting with grt_ */
                                id: string;
                                reason: string;
                                revokedAt: string | null;
                                revokedBy: string | null;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** @description The sessions started inside the grant, newest first */
                                sessions: {
                                    agent: string;
                                    endedAt: string | null;
                                    /** Format: date-time */
                                    endsAt: string;
                                    id: string;
                                    reason: string;
                                    /** Format: date-time */
                                    startedAt: string;
                                }[];
                                status: "active" | "expired" | "revoked";
                                workspaces: "all" | {
                                    id: string;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Let the operator’s support staff in: some or all workspaces, one role, for at most 7 days
         * @description A workspace that is not a live workspace of this account, an expiry in the past or more than 7 days away, or hide attributes with the Workspace Admin role: 422 support_grant_invalid.
         *
         *     Requires the permission `support_access.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description In the future, at most 7 days from now
                         */
                        expiresAt: string;
                        /**
                         * @description Authors and Viewers only
                         * @default false
                         */
                        hideAttributes: boolean;
                        /** @description One line of text */
                        reason: string;
                        /** @enum {unknown} */
                        role: "workspace_admin" | "author" | "viewer";
                        /** @description "all": every workspace of the account, including ones created later */
                        workspaceIds: "all" | string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            expiresAt: string;
                            hideAttributes: boolean;
                            /** @description An id starting with grt_ */
                            id: string;
                            reason: string;
                            revokedAt: string | null;
                            revokedBy: string | null;
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                            /** @description The sessions started inside the grant, newest first */
                            sessions: {
                                agent: string;
                                endedAt: string | null;
                                /** Format: date-time */
                                endsAt: string;
                                id: string;
                                reason: string;
                                /** Format: date-time */
                                startedAt: string;
                            }[];
                            status: "active" | "expired" | "revoked";
                            workspaces: "all" | {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/support-grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a grant: its sessions end at once, on every node
         * @description Requires the permission `support_access.manage` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The kinds of action the activity log can be filtered on, in words
         * @description No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The value of ?action= */
                            action: string;
                            label: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authz/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * May this member do this (in this workspace)? For apps, with an app API key (Bearer)
         * @description An app API key (Authorization: Bearer atrium_…).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                        /**
                         * @description A key of GET /api/permissions
                         * @enum {unknown}
                         */
                        permission: "messages.send" | "campaigns.view" | "campaigns.create" | "campaigns.edit" | "campaigns.delete" | "broadcasts.view" | "broadcasts.create" | "broadcasts.edit" | "broadcasts.delete" | "transactional.view" | "transactional.create" | "transactional.edit" | "transactional.delete" | "deliveries.view" | "people.view" | "people.create" | "people.edit" | "people.delete" | "object_types.view" | "object_types.create" | "object_types.edit" | "object_types.delete" | "objects.view" | "objects.create" | "objects.edit" | "objects.delete" | "segments.view" | "segments.create" | "segments.edit" | "segments.delete" | "segments.import" | "segments.ad_audience.view" | "segments.ad_audience.integrate" | "segments.ad_audience.create" | "segments.ad_audience.pause" | "segments.ad_audience.resume" | "segments.ad_audience.delete" | "activity_logs.view" | "data_index.view" | "data_index.export" | "integrations.view" | "integrations.create" | "integrations.edit" | "integrations.delete" | "data.import" | "data.export" | "message_library.view" | "assets.view" | "assets.upload" | "assets.delete" | "layouts.view" | "layouts.create" | "layouts.edit" | "layouts.delete" | "in_app_messages.view" | "snippets.view" | "snippets.create" | "snippets.edit" | "snippets.delete" | "collections.view" | "collections.create" | "collections.edit" | "collections.delete" | "pipelines.view" | "pipelines.create" | "pipelines.edit" | "pipelines.delete" | "workspace.view" | "workspace.settings.view" | "workspace.settings.edit" | "workspace.test_recipient.choose" | "broadcasts.conditions.edit" | "team_members.view" | "team_members.manage" | "team_members.view_all" | "account.billing" | "api_credentials.manage" | "support_access.manage" | "account.security.manage" | "cookie_settings.view" | "cookie_settings.manage" | "workspaces.create" | "workspaces.edit" | "workspaces.delete" | "account.activity.view" | "mail.outbox.view" | "workspaces.transfer";
                        /** @description The key’s own workspace (the default); a key answers for no other */
                        workspaceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                            reason: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authz/check-batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Many checks in one request; results in the order of the checks
         * @description An app API key (Authorization: Bearer atrium_…).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checks: {
                            memberId: string;
                            /**
                             * @description A key of GET /api/permissions
                             * @enum {unknown}
                             */
                            permission: "messages.send" | "campaigns.view" | "campaigns.create" | "campaigns.edit" | "campaigns.delete" | "broadcasts.view" | "broadcasts.create" | "broadcasts.edit" | "broadcasts.delete" | "transactional.view" | "transactional.create" | "transactional.edit" | "transactional.delete" | "deliveries.view" | "people.view" | "people.create" | "people.edit" | "people.delete" | "object_types.view" | "object_types.create" | "object_types.edit" | "object_types.delete" | "objects.view" | "objects.create" | "objects.edit" | "objects.delete" | "segments.view" | "segments.create" | "segments.edit" | "segments.delete" | "segments.import" | "segments.ad_audience.view" | "segments.ad_audience.integrate" | "segments.ad_audience.create" | "segments.ad_audience.pause" | "segments.ad_audience.resume" | "segments.ad_audience.delete" | "activity_logs.view" | "data_index.view" | "data_index.export" | "integrations.view" | "integrations.create" | "integrations.edit" | "integrations.delete" | "data.import" | "data.export" | "message_library.view" | "assets.view" | "assets.upload" | "assets.delete" | "layouts.view" | "layouts.create" | "layouts.edit" | "layouts.delete" | "in_app_messages.view" | "snippets.view" | "snippets.create" | "snippets.edit" | "snippets.delete" | "collections.view" | "collections.create" | "collections.edit" | "collections.delete" | "pipelines.view" | "pipelines.create" | "pipelines.edit" | "pipelines.delete" | "workspace.view" | "workspace.settings.view" | "workspace.settings.edit" | "workspace.test_recipient.choose" | "broadcasts.conditions.edit" | "team_members.view" | "team_members.manage" | "team_members.view_all" | "account.billing" | "api_credentials.manage" | "support_access.manage" | "account.security.manage" | "cookie_settings.view" | "cookie_settings.manage" | "workspaces.create" | "workspaces.edit" | "workspaces.delete" | "account.activity.view" | "mail.outbox.view" | "workspaces.transfer";
                            /** @description The key’s own workspace (the default); a key answers for no other */
                            workspaceId?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                allowed: boolean;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/email-verifications/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Use an email confirmation link: confirms the address, or makes the new one yours
         * @description Anonymous: every request counts against the client address (config.anonymousLimits.links). Unknown token → 404; used, replaced or expired → 410; a new address taken meanwhile → 409.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link offers
         * @description Anonymous: every request on an invitation or reset link counts against the client address (config.anonymousLimits.links); past the limit the answer is 429 with Retry-After.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            firstName: string;
                            inviterName: string;
                            lastName: string;
                            /** @description The account has single sign-on: accept through it (GET /api/sso/start?invitation=<token>); when enforced, accepting with a password is refused (403 sso_required) */
                            singleSignOn: "offered" | "enforced" | null;
                            /** @description The address still belongs to this trial account, which accepting cancels */
                            trialToCancel: {
                                accountName: string;
                                /** @description true: accept with cancelTrial: {password} (the trial’s password). false: the trial never confirmed the address and this link went to the address alone (recipient-only), so accepting proves it and drops the trial, no password needed */
                                passwordRequired: boolean;
                            } | null;
                            workspaces: {
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: set names and password, and be signed in
         * @description Anonymous: every request on an invitation or reset link counts against the client address (config.anonymousLimits.links); past the limit the answer is 429 with Retry-After.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Cancel the trial account that holds this address; its password proves it is yours */
                        cancelTrial?: {
                            password: string;
                        };
                        firstName: string;
                        lastName: string;
                        marketingOptIn: boolean;
                        /** @description At least 8 characters, not a common one */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currentWorkspaceId: string | null;
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in member, their workspaces and CSRF token
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                plan: "free" | "essentials" | "premium" | "team" | "custom";
                            };
                            /** @description Send it as x-csrf-token on state changes */
                            csrfToken: string | null;
                            currentWorkspaceId: string | null;
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                            /** @description The new address a change of email waits on (PATCH /api/me), until its link is used */
                            pendingEmail: string | null;
                            /** @description Set when the caller is a support session: who, under which grant, until when */
                            support: {
                                agent: string;
                                /** Format: date-time */
                                expiresAt: string;
                                grantId: string;
                            } | null;
                            /** @description Support is signed in to the account until then (the banner); null when no support session is live */
                            supportSignedInUntil: string | null;
                            /** @description The member's two-factor and the account's requirement */
                            twoFactor: {
                                /** @description The member has a second factor */
                                enabled: boolean;
                                /** @description Required and not enabled: until the member sets it up, this session reaches only /api/me, /api/me/… and DELETE /api/session (anything else answers 403 two_factor_enrollment_required) */
                                mustEnrol: boolean;
                                /** @description Their account requires one of every member */
                                required: boolean;
                            };
                            workspaces: {
                                color: string;
                                hideAttributes: boolean;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your name (at once) or your email (once the new address confirms it)
         * @description A new email needs currentPassword (missing → 400 current_password_required, wrong → 403 current_password_wrong, counted against your login limit) and answers 202 with pendingEmail: a confirmation link (24 h, single-use) goes to the new address and a notice to the current one; the email changes when the link is used (POST /api/email-verifications/{token}). A newer request replaces the pending one; at most 5 an hour (429).
         *
         *     Any signed-in team member.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your current password: required for a new email */
                        currentPassword?: string;
                        /** Format: email */
                        email?: string;
                        firstName?: string;
                        lastName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                            pendingEmail: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/me/current-workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switch workspace (remembered per member)
         * @description Any signed-in team member.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/email-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a new link confirming your address (the earlier one stops working)
         * @description At most 5 an hour (429); 409 email_already_verified once it is confirmed.
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your passkeys
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The passkey is synced beyond its device (a password manager, a cloud keychain) */
                                backedUp: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a passkey: the authenticator’s answer to the registration options, and a name
         * @description Only the credential's public key is kept. A challenge is single-use and lasts 5 minutes: an answer to an unknown challenge is 401 passkey_invalid, to a used or expired one 410 gone. A passkey already registered is 409.
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A name to tell your passkeys apart */
                        name: string;
                        response: {
                            authenticatorAttachment?: string;
                            clientExtensionResults: {
                                [key: string]: unknown;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                attestationObject: string;
                                clientDataJSON: string;
                                transports?: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The passkey is synced beyond its device (a password manager, a cloud keychain) */
                            backedUp: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/passkeys/{passkeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one of your passkeys; it no longer signs you in
         * @description Any signed-in team member.
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id starting with pky_ */
                    passkeyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename one of your passkeys
         * @description Any signed-in team member.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id starting with pky_ */
                    passkeyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A name to tell your passkeys apart */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The passkey is synced beyond its device (a password manager, a cloud keychain) */
                            backedUp: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/me/passkeys/registration-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start adding a passkey: options for navigator.credentials.create()
         * @description Pass them to @simplewebauthn/browser's startRegistration({ optionsJSON }). A challenge is single-use and lasts 5 minutes: an answer to an unknown challenge is 401 passkey_invalid, to a used or expired one 410 gone.
         *
         *     Any signed-in team member.
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your password; your other sessions end, this one stays
         * @description Wrong currentPassword → 403 current_password_wrong, counted against your log-in limit (429 past it). A newPassword found in lists of leaked passwords → 400 password_too_common. You are emailed a notice.
         *
         *     Any signed-in team member.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description At least 8 characters, not a common one */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm it’s you: sensitive actions pass again for the next 10 minutes
         * @description Sensitive actions (creating API keys, deleting a workspace…) answer 403 reauthentication_required when this session last proved who you are more than 10 minutes ago. A wrong password → 403 current_password_wrong, counted like a log-in attempt (429 past the limit).
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Exactly one way to prove it is you: your password, a code of your authenticator app, a recovery code, or a passkey’s answer to POST /api/session/passkey-options */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The answer of navigator.credentials.get() as JSON (@simplewebauthn/browser startAuthentication), to a challenge of POST /api/session/passkey-options */
                        passkey?: {
                            authenticatorAttachment?: string;
                            clientExtensionResults: {
                                [key: string]: unknown;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                authenticatorData: string;
                                clientDataJSON: string;
                                signature: string;
                                userHandle?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                        /** @description Your password */
                        password?: string;
                        /** @description One of your recovery codes */
                        recoveryCode?: string;
                        /** @description A code of your authenticator app */
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your live sessions (devices signed in), newest first
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The session of this request */
                                current: boolean;
                                id: string;
                                /** @description The client address it was opened from */
                                ipAddress: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last use, recorded at most once an hour (when the session is extended)
                                 */
                                lastSeenAt: string;
                                /** @description The browser it was opened with */
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Sign out everywhere else: every session of yours but this one ends
         * @description Any signed-in team member.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out one of your sessions; its cookie stops working at once
         * @description Only your own sessions: any other id answers 404.
         *
         *     Any signed-in team member.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your two-factor: whether it is on, since when, recovery codes left
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            recoveryCodesLeft: number;
                            /** @description Your account requires two-factor */
                            required: boolean;
                            totp: {
                                confirmedAt: string | null;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Turn two-factor off: the authenticator app and the recovery codes are removed
         * @description Needs your current password (400 current_password_required, 403 current_password_wrong); wrong passwords count against your log-in limit (429 past it). A wrong code is 401 two_factor_code_wrong and counts as a failed attempt.
         *
         *     Any signed-in team member.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A code of your authenticator app, or one of your recovery codes */
                        code: string;
                        /** @description Your current password */
                        currentPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new set of recovery codes; the old ones stop working
         * @description Needs your current password (400 current_password_required, 403 current_password_wrong); wrong passwords count against your log-in limit (429 past it). A wrong code is 401 two_factor_code_wrong and counts as a failed attempt.
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A code of your authenticator app, or one of your recovery codes */
                        code: string;
                        /** @description Your current password */
                        currentPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown this once; each works once, in place of an authenticator code */
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up an authenticator app: a new secret, pending until confirmed
         * @description Starts over when called again before confirming; 409 while two-factor is on. Needs your current password (400 current_password_required, 403 current_password_wrong); wrong passwords count against your log-in limit (429 past it).
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your current password */
                        currentPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description otpauth://totp/… for a QR code */
                            otpauthUri: string;
                            /** @description Base32, to type into the app */
                            secret: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor on with a code of the app just set up; answers the recovery codes
         * @description A wrong code is 401 two_factor_code_wrong; nothing pending (or already on) is 409 two_factor_not_enabled.
         *
         *     Any signed-in team member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown this once; each works once, in place of an authenticator code */
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Emails the service sent for this account, newest first (only while no SMTP_URL is set)
         * @description A password-reset email is readable only by its recipient (the signed-in member it was sent to); to other Account Admins it is listed with its body withheld (redacted: true).
         *
         *     Requires the permission `mail.outbox.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                from: string;
                                html: string | null;
                                id: string;
                                kind: string;
                                /** @description True when the body is withheld: a password-reset email is readable only by its recipient (text says so, html is null). */
                                redacted: boolean;
                                sentAt: string | null;
                                /** @enum {unknown} */
                                state: "captured" | "queued" | "sent" | "failed" | "suppressed";
                                subject: string;
                                text: string;
                                to: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot password: email a reset link to this address, if it is a member’s
         * @description Anonymous: every request on an invitation or reset link counts against the client address (config.anonymousLimits.links); past the limit the answer is 429 with Retry-After. The address asked for gets at most 5 emails an hour.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/password-resets/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a reset link still works, and for which address
         * @description Anonymous: every request on an invitation or reset link counts against the client address (config.anonymousLimits.links); past the limit the answer is 429 with Retry-After.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Set a new password with a reset link; every session of the member ends
         * @description Anonymous: every request on an invitation or reset link counts against the client address (config.anonymousLimits.links); past the limit the answer is 429 with Retry-After.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At least 8 characters, not a common one */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every permission: the matrix of permissions.csv with stable keys, and the account rules
         * @description No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountPermissions: {
                                /** @description Account Admins; every member; or Account Admins and Members with a flag */
                                grantedTo: string;
                                key: string;
                                label: string;
                            }[];
                            columns: {
                                key: string;
                                label: string;
                            }[];
                            footnotes: {
                                [key: string]: string;
                            };
                            workspacePermissions: {
                                /** @description What it lets one do, in words: "create segments" */
                                action: string;
                                allowed: {
                                    author: boolean;
                                    author_hidden_attributes: boolean;
                                    viewer: boolean;
                                    workspace_admin: boolean;
                                };
                                category: string;
                                footnotes: number[];
                                key: string;
                                label: string;
                                product: string;
                                /** @description "permissions.csv row N", or "Atrium" for rules the matrix leaves out */
                                source: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans, with their names and limits
         * @description What a plan change would allow, before making it. A move to a plan whose limits the account already exceeds answers 409 limit_reached.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The plan’s name for people */
                                label: string;
                                /** @description null: set per account (custom) */
                                limits: {
                                    /** @description null = unlimited */
                                    teamMembers: number | null;
                                    /** @description null = unlimited */
                                    workspaces: number | null;
                                } | null;
                                /** @enum {unknown} */
                                name: "free" | "essentials" | "premium" | "team" | "custom";
                                /** @description An account may move to it itself (PATCH /api/account) */
                                selfService: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resource-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace resources (campaigns, segments, layouts …): names, permissions, the JSON Schema of their body, and how the console lists them
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                copyable: boolean;
                                /** @description What it is and what it is for, in words */
                                description: string;
                                /** @description The body fields an edit may change */
                                editableFields: string[];
                                /** @enum {unknown} */
                                group: "Journeys" | "Data" | "Content";
                                /** @description As activity entries name it: campaign, object_type … */
                                kind: string;
                                label: {
                                    plural: string;
                                    singular: string;
                                };
                                list: {
                                    audit: {
                                        createdBy: boolean;
                                        updatedAt: boolean;
                                    };
                                    columns: {
                                        field: string;
                                        /** @enum {unknown} */
                                        format: "text" | "badge" | "code" | "count" | "bytes" | "distinct" | "switch" | "date";
                                        label: string;
                                        template?: string;
                                    }[];
                                    filter: {
                                        label: string;
                                        param: string;
                                        values: string[];
                                    } | null;
                                    title: {
                                        field: string;
                                        label: string;
                                    };
                                };
                                /** @description Its routes are under /api/workspaces/{workspaceId}/{path} */
                                path: string;
                                /** @description The permission (of GET /api/permissions) each action needs; an action absent does not apply */
                                permissions: {
                                    create?: string;
                                    delete?: string;
                                    edit?: string;
                                    preview?: string;
                                    send?: string;
                                    view: string;
                                };
                                /** @description Its items’ ids start with it and an underscore */
                                prefix: string;
                                routes: ("list" | "get" | "create" | "edit" | "delete" | "copy" | "upload" | "download" | "send" | "test-send" | "preview")[];
                                /** @description The JSON Schema of a create’s body (an edit takes any of its fields); null for a list that is only read */
                                schema: unknown;
                                /** @description Created by uploading a file of one of these types, not from a body */
                                upload: {
                                    accept: string[];
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account roles, workspace roles and member flags, with their names and what each means
         * @description No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountRoles: {
                                description: string;
                                /** @description The role this account role holds in every workspace, present and future (null: none) */
                                everyWorkspaceAs: ("workspace_admin" | "author" | "viewer") | null;
                                /** @enum {unknown} */
                                key: "account_admin" | "member";
                                label: string;
                            }[];
                            hideAttributes: {
                                description: string;
                                label: string;
                            };
                            memberFlags: {
                                description: string;
                                /** @enum {unknown} */
                                key: "billing" | "apiCredentials" | "supportAccess";
                                label: string;
                            }[];
                            workspaceRoles: {
                                description: string;
                                /** @description May carry the hide attributes flag */
                                hideAttributes: boolean;
                                /** @enum {unknown} */
                                key: "workspace_admin" | "author" | "viewer";
                                label: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in (sets the session cookie)
         * @description Failed attempts are limited per email and per client address; past the limit the answer is 429. A member with two-factor sends a second factor with the password: totp, recoveryCode, or passkey (a passkey’s answer to POST /api/session/passkey-options). Without one the answer is 401 two_factor_required (its methods list what may be sent) and no session; a wrong or already used code is 401 two_factor_code_wrong, a passkey that is not the member’s or does not verify (or answers a used or expired challenge) 401 passkey_invalid; both count as failed attempts.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @description The answer of navigator.credentials.get() as JSON (@simplewebauthn/browser startAuthentication), to a challenge of POST /api/session/passkey-options */
                        passkey?: {
                            authenticatorAttachment?: string;
                            clientExtensionResults: {
                                [key: string]: unknown;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                authenticatorData: string;
                                clientDataJSON: string;
                                signature: string;
                                userHandle?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                        password: string;
                        /** @description Or a recovery code, each usable once */
                        recoveryCode?: string;
                        /** @description A code of the authenticator app (two-factor) */
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Log out (ends this session)
         * @description Any signed-in team member.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey alone (sets the session cookie)
         * @description The passkey must verify its holder (PIN or biometrics). An unknown passkey, a wrong signature, a signature counter that went backwards (a copied credential): 401 passkey_invalid. A challenge is single-use and lasts 5 minutes: an answer to an unknown challenge is 401 passkey_invalid, to a used or expired one 410 gone. Counted per client address like POST /api/session/passkey-options.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The answer of navigator.credentials.get() as JSON (@simplewebauthn/browser startAuthentication), to a challenge of POST /api/session/passkey-options */
                        response: {
                            authenticatorAttachment?: string;
                            clientExtensionResults: {
                                [key: string]: unknown;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                authenticatorData: string;
                                clientDataJSON: string;
                                signature: string;
                                userHandle?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/passkey-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a passkey: options for navigator.credentials.get()
         * @description Pass them to startAuthentication({ optionsJSON }); the answer goes to POST /api/session/passkey, or as `passkey` with a password to POST /api/session. No credential is listed: passkeys are discoverable. Counted per client address (config.anonymousLimits.links); past the limit 429.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account, its first workspace, and its first Account Admin (signed in)
         * @description Limited per client address (config.anonymousLimits.signup); past the limit the answer is 429 with Retry-After.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountName: string;
                        /** Format: email */
                        email: string;
                        firstName: string;
                        lastName: string;
                        /** @description At least 8 characters, not a common one */
                        password: string;
                        /** @enum {unknown} */
                        plan?: "free" | "essentials" | "premium" | "team";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                limits: {
                                    /** @description null = unlimited */
                                    teamMembers: number | null;
                                    /** @description null = unlimited */
                                    workspaces: number | null;
                                };
                                name: string;
                                /** @enum {unknown} */
                                plan: "free" | "essentials" | "premium" | "team" | "custom";
                                /** @description Every member must use two-factor; one without it can reach only their profile */
                                requireTwoFactor: boolean;
                                trialEndsAt: string | null;
                                usage: {
                                    teamMembers: number;
                                    workspaces: number;
                                };
                            };
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                            };
                            workspace: {
                                color: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The caller’s current workspace */
                                current: boolean;
                                hideAttributes: boolean;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                processingState: "ready" | "revalidating";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sso/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether an email address signs in with single sign-on (for the log-in form)
         * @description No authentication.
         */
        get: {
            parameters: {
                query: {
                    email: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Passwords are refused (Account Admins aside) */
                            enforced: boolean;
                            /** @description Its domain is verified by an account with single sign-on */
                            sso: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sso/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the OpenID provider sends the browser back (302 to the console)
         * @description Checks the answer (state, the browser that started the sign-in, the code exchanged with PKCE, the ID token and its nonce), then opens a session. A browser that is refused lands on the log-in page saying why.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    error?: string;
                    error_description?: string;
                    iss?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sso/saml/acs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The assertion consumer service: the identity provider’s answer (HTTP-POST binding)
         * @description A form post (application/x-www-form-urlencoded) from the browser. A signed-in member is sent on to the console (302) with a session; a refusal is a problem, or for a browser the log-in page saying why.
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description The sign-in’s state, as sent with the request */
                        RelayState: string;
                        /** @description The base64 SAML Response */
                        SAMLResponse: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sso/saml/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The service provider’s SAML metadata for an account (to import into the identity provider)
         * @description Its entity id is this URL; its ACS takes HTTP-POST and wants signed assertions.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query: {
                    account: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/samlmetadata+xml */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in through the identity provider (302 to it)
         * @description By `email` (its domain must be verified by an account with single sign-on), `account`, or `invitation` (an invitation’s token: the sign-in accepts it, and the identity must be the invited address). `next` is a console path to land on afterwards. A browser (Accept: text/html) refused is sent to the log-in page with ?ssoError=<why>; other clients get the problem.
         *
         *     No authentication.
         */
        get: {
            parameters: {
                query?: {
                    account?: string;
                    email?: string;
                    /** @description An invitation’s token */
                    invitation?: string;
                    /** @description A console path to land on */
                    next?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/support/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a support session with the operator’s one-time link (sets the session cookie)
         * @description Anonymous: counted per client address (config.anonymousLimits.links); past the limit 429. The link works once, for 10 minutes, inside a live grant: else 404 (unknown) or 410 (used, expired, or its grant revoked or expired).
         *
         *     No authentication.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Team members the caller may see
         * @description Account Admins see everyone; Members see the members who share a workspace with them.
         *
         *     Requires the permission `team_members.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                inviteExpiresAt: string | null;
                                inviteSentAt: string | null;
                                /** @description null before the first login ("Invite sent") */
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                                workspaceAccess: {
                                    hideAttributes: boolean;
                                    /** @enum {string} */
                                    mode: "all";
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                } | {
                                    /** @enum {string} */
                                    mode: "custom";
                                };
                                workspaces: {
                                    hideAttributes: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                    workspaceName: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite a team member (an email with a link valid 7 days)
         * @description Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        accountRole?: "account_admin" | "member";
                        /** Format: email */
                        email: string;
                        firstName: string;
                        lastName: string;
                        permissions?: {
                            /** @description Manage API credentials */
                            apiCredentials?: boolean;
                            /** @description Access billing & account info */
                            billing?: boolean;
                            /** @description Enable access for support teams */
                            supportAccess?: boolean;
                        };
                        workspaceAccess?: {
                            /** @description Authors and Viewers only */
                            hideAttributes?: boolean;
                            /** @enum {string} */
                            mode: "all";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                        } | {
                            /** @enum {string} */
                            mode: "custom";
                            roles: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            accountRole: "account_admin" | "member";
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                            emailVerified: boolean;
                            firstName: string;
                            id: string;
                            inviteExpiresAt: string | null;
                            inviteSentAt: string | null;
                            /** @description null before the first login ("Invite sent") */
                            lastLoginAt: string | null;
                            lastName: string;
                            permissions: {
                                /** @description Manage API credentials */
                                apiCredentials: boolean;
                                /** @description Access billing & account info */
                                billing: boolean;
                                /** @description Enable access for support teams */
                                supportAccess: boolean;
                            };
                            /** @enum {unknown} */
                            status: "active" | "invited" | "expired" | "deactivated";
                            twoFactorEnabled: boolean;
                            workspaceAccess: {
                                hideAttributes: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                            };
                            workspaces: {
                                hideAttributes: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                                workspaceName: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One team member
         * @description Requires the permission `team_members.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            accountRole: "account_admin" | "member";
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                            emailVerified: boolean;
                            firstName: string;
                            id: string;
                            inviteExpiresAt: string | null;
                            inviteSentAt: string | null;
                            /** @description null before the first login ("Invite sent") */
                            lastLoginAt: string | null;
                            lastName: string;
                            permissions: {
                                /** @description Manage API credentials */
                                apiCredentials: boolean;
                                /** @description Access billing & account info */
                                billing: boolean;
                                /** @description Enable access for support teams */
                                supportAccess: boolean;
                            };
                            /** @enum {unknown} */
                            status: "active" | "invited" | "expired" | "deactivated";
                            twoFactorEnabled: boolean;
                            workspaceAccess: {
                                hideAttributes: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                            };
                            workspaces: {
                                hideAttributes: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                                workspaceName: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a team member; their sessions end at once
         * @description Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a team member
         * @description Account Admins change anything; every member may change their own name and email. Changing an email (one’s own, or an Account Admin changing anyone’s) needs the caller’s current password as currentPassword: missing → 400 current_password_required, wrong → 403 current_password_wrong. Wrong passwords count against the caller’s login limit (429 past it). One’s own new email goes the way of PATCH /api/me: 202 with pendingEmail, a confirmation link to the new address, and the email changes when it is used. An Account Admin changing another member’s email changes it at once (200), unverified, and a verification link goes to it.
         *
         *     Any signed-in team member.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        accountRole?: "account_admin" | "member";
                        /** @description The caller's own current password: required whenever the email changes (their own or, for an Account Admin, anyone's) */
                        currentPassword?: string;
                        /** Format: email */
                        email?: string;
                        firstName?: string;
                        lastName?: string;
                        permissions?: {
                            /** @description Manage API credentials */
                            apiCredentials?: boolean;
                            /** @description Access billing & account info */
                            billing?: boolean;
                            /** @description Enable access for support teams */
                            supportAccess?: boolean;
                        };
                        workspaceAccess?: {
                            /** @description Authors and Viewers only */
                            hideAttributes?: boolean;
                            /** @enum {string} */
                            mode: "all";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                        } | {
                            /** @enum {string} */
                            mode: "custom";
                            roles: {
                                /** @description Authors and Viewers only */
                                hideAttributes?: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            accountRole: "account_admin" | "member";
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                            emailVerified: boolean;
                            firstName: string;
                            id: string;
                            inviteExpiresAt: string | null;
                            inviteSentAt: string | null;
                            /** @description null before the first login ("Invite sent") */
                            lastLoginAt: string | null;
                            lastName: string;
                            permissions: {
                                /** @description Manage API credentials */
                                apiCredentials: boolean;
                                /** @description Access billing & account info */
                                billing: boolean;
                                /** @description Enable access for support teams */
                                supportAccess: boolean;
                            };
                            /** @enum {unknown} */
                            status: "active" | "invited" | "expired" | "deactivated";
                            twoFactorEnabled: boolean;
                            workspaceAccess: {
                                hideAttributes: boolean;
                                /** @enum {string} */
                                mode: "all";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                            } | {
                                /** @enum {string} */
                                mode: "custom";
                            };
                            workspaces: {
                                hideAttributes: boolean;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                workspaceId: string;
                                workspaceName: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                inviteExpiresAt: string | null;
                                inviteSentAt: string | null;
                                /** @description null before the first login ("Invite sent") */
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                                workspaceAccess: {
                                    hideAttributes: boolean;
                                    /** @enum {string} */
                                    mode: "all";
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                } | {
                                    /** @enum {string} */
                                    mode: "custom";
                                };
                                workspaces: {
                                    hideAttributes: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                    workspaceName: string;
                                }[];
                            };
                            pendingEmail: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/team-members/{memberId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a member may do, each permission with the rule that decided
         * @description With workspaceId: that workspace’s permissions and the account’s; without: the account’s.
         *
         *     Requires the permission `team_members.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    workspaceId?: string;
                };
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: string;
                            permissions: {
                                allowed: boolean;
                                /** @description The same in words, for the person: "Viewers can’t …" */
                                explanation: string;
                                key: string;
                                /** @description The rule that decided, for developers */
                                reason: string;
                            }[];
                            /** @description The member’s column in that workspace */
                            role: string | null;
                            workspaceId: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/{memberId}/resend-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new invitation link (the old one stops working)
         * @description Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/{memberId}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email the member a password reset link
         * @description Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/{memberId}/revoke-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a pending invitation
         * @description Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/{memberId}/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Reset a member's two-factor: their second factors are removed and their sessions end
         * @description They sign in again with their password and, if the account requires two-factor, set it up again. Your own two-factor is turned off in your profile instead (409).
         *
         *     Requires the permission `team_members.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members/bulk-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set (or with role null, remove) one role across many workspaces for many members, all or nothing
         * @description A member with access to All workspaces keeps it (so new workspaces include them): a role set in some workspaces is held there instead of their All role; a role set in every workspace becomes their All role. Removing access from some workspaces turns theirs into Custom.
         *
         *     Requires the permission `team_members.manage` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hideAttributes?: boolean;
                        memberIds: string[];
                        /** @description null removes access */
                        role: ("workspace_admin" | "author" | "viewer") | null;
                        workspaceIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {unknown} */
                                accountRole: "account_admin" | "member";
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description A link emailed to this address was used (sign-up confirmation, invitation, password reset) */
                                emailVerified: boolean;
                                firstName: string;
                                id: string;
                                inviteExpiresAt: string | null;
                                inviteSentAt: string | null;
                                /** @description null before the first login ("Invite sent") */
                                lastLoginAt: string | null;
                                lastName: string;
                                permissions: {
                                    /** @description Manage API credentials */
                                    apiCredentials: boolean;
                                    /** @description Access billing & account info */
                                    billing: boolean;
                                    /** @description Enable access for support teams */
                                    supportAccess: boolean;
                                };
                                /** @enum {unknown} */
                                status: "active" | "invited" | "expired" | "deactivated";
                                twoFactorEnabled: boolean;
                                workspaceAccess: {
                                    hideAttributes: boolean;
                                    /** @enum {string} */
                                    mode: "all";
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                } | {
                                    /** @enum {string} */
                                    mode: "custom";
                                };
                                workspaces: {
                                    hideAttributes: boolean;
                                    /** @enum {unknown} */
                                    role: "workspace_admin" | "author" | "viewer";
                                    workspaceId: string;
                                    workspaceName: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where to send Track API calls: this installation’s URL (Customer.io’s account region)
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            environment_id: string;
                            region: string;
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Identify: create or update the person named by cio_<cio_id>, an email or an id
         * @description A suppressed person is not identified: the call answers 200 {} and changes nothing.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            /** @description Attributes to set (null removes one); email and id update those identifiers under the workspace’s rules */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** @description Generated and immutable; the Track API names it cio_<cioId> */
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            id: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        } | Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a person, with their events and devices
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add or update a person’s device (a token belongs to one person: it moves to this one)
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        device: {
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The push token */
                            id: string;
                            /** @description Unix seconds */
                            last_used?: number;
                            /** @enum {unknown} */
                            platform: "ios" | "android";
                        };
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}/devices/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a device from a person
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an event, a page view (type page, named by the URL) or a screen view for a person
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data?: {
                            [key: string]: unknown;
                        };
                        /** @description Your id for the event: sent twice, kept once */
                        id?: string;
                        /** @description At most 100 bytes; a page view’s, its URL, at most 1000 (checked by limits.ts) */
                        name: string;
                        /** @description When it happened, in Unix seconds */
                        timestamp?: number;
                        /**
                         * @description page: a page view, named by its URL
                         * @enum {unknown}
                         */
                        type?: "event" | "page" | "screen";
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}/suppress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suppress a person: they are deleted, and identify calls for their identifiers are ignored until unsuppressed
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{identifier}/unsuppress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unsuppress a person’s identifiers: they may be identified again (the person is not restored)
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    identifier: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an anonymous event: it becomes the person’s when an identify sets anonymous_id to its own
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        anonymous_id?: string;
                        data?: {
                            [key: string]: unknown;
                        };
                        /** @description Your id for the event: sent twice, kept once */
                        id?: string;
                        /** @description At most 100 bytes; a page view’s, its URL, at most 1000 (checked by limits.ts) */
                        name: string;
                        /** @description When it happened, in Unix seconds */
                        timestamp?: number;
                        /**
                         * @description page: a page view, named by its URL
                         * @enum {unknown}
                         */
                        type?: "event" | "page" | "screen";
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{formId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a form: identify the person its email or id names, and record form_submitted
         * @description The other fields become the person’s attributes (form_id, form_name, form_type, form_url and form_url_param are ignored, as Customer.io reserves them). Answers 204, as Customer.io does.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The form’s fields, each a string: exactly one of email or id names the person; the others become their attributes */
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description Submitted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge_customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge the secondary person into the primary: the primary keeps its values, fills the rest from the secondary, and the secondary is deleted
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Exactly one of id, email or cio_id */
                        primary: {
                            cio_id?: string;
                            email?: string;
                            id?: string | number;
                        };
                        /** @description Exactly one of id, email or cio_id */
                        secondary: {
                            cio_id?: string;
                            email?: string;
                            id?: string | number;
                        };
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report what became of a delivery: delivered, opened, clicked, converted, bounced…
         * @description Opened and clicked add to the delivery’s opens and clicks; the others are counted per delivery, and the message’s metrics count them. A reported open counts even for a delivery without an open pixel (push, in-app), as Customer.io counts reported opens. A delivery this workspace does not have is ignored (200), as Customer.io answers.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The delivery’s id (dlv_…): Customer.io’s CIO-Delivery-ID */
                        delivery_id: string;
                        /** @description The link clicked */
                        href?: string;
                        /** @enum {unknown} */
                        metric: "bounced" | "clicked" | "converted" | "deferred" | "delivered" | "dropped" | "opened" | "spammed";
                        /** @description Why it bounced or was dropped */
                        reason?: string;
                        /** @description Where the message went: accepted, not kept (the delivery knows) */
                        recipient?: string | number;
                        /** @description When it happened, in Unix seconds; now when absent */
                        timestamp?: number;
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a push metric of a delivery: delivered, opened or converted (Customer.io’s older route)
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The delivery’s id (dlv_…): Customer.io’s CIO-Delivery-ID */
                        delivery_id: string;
                        /** @description The device’s token: accepted, not kept */
                        device_id?: string;
                        /** @enum {unknown} */
                        event: "delivered" | "opened" | "converted";
                        /** @description When it happened, in Unix seconds; now when absent */
                        timestamp?: number;
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{segmentId}/add_customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add people to a manual segment (people who do not exist are ignored)
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: {
                    /** @description What the ids are: id (the default), email or cio_id */
                    id_type?: "id" | "email" | "cio_id";
                };
                header?: never;
                path: {
                    segmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: (string | number)[];
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{segmentId}/remove_customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove people from a manual segment
         * @description A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: {
                    /** @description What the ids are: id (the default), email or cio_id */
                    id_type?: "id" | "email" | "cio_id";
                };
                header?: never;
                path: {
                    segmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: (string | number)[];
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track API v2: many operations on people, objects and deliveries, applied in order
         * @description Operations as Customer.io’s Track API v2 takes them. People: `{type: "person", identifiers: {id|email|cio_id}, action, …}` with action identify (attributes, cio_relationships), delete, event, page, screen (name, attributes, timestamp, id; identifiers {anonymous_id} for someone not identified yet), add_device (device {token, platform, last_used, attributes}), delete_device (device {token}), suppress, unsuppress, merge (primary, secondary), add_relationships and delete_relationships (cio_relationships [{identifiers: {object_type_id, object_id}, relationship_attributes}]). Objects: `{type: "object", identifiers: {object_type_id, object_id}, action: identify|delete|add_relationships|delete_relationships, attributes, cio_relationships}`; object_type_id is the type’s number (1, 2, … in the order types were created) or its id (ot_…). Deliveries: `{type: "delivery", action: "event", identifiers: {id: <delivery id>}, name: opened|converted|delivered, attributes: {device_token}, timestamp}` counts a metric of a push or in-app delivery, as POST /api/v1/push/events; a delivery this workspace does not have is ignored, as Customer.io answers. The request must be smaller than 500 KB, each operation at most 32 KB. Operations refused are listed in a 207 answer by their index in the batch; the others are applied.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The operations, in the order to apply them */
                        batch: unknown[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            errors: {
                                batch_index: number;
                                field: string;
                                message: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/entity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track API v2: one operation on a person, an object or a delivery
         * @description Operations as Customer.io’s Track API v2 takes them. People: `{type: "person", identifiers: {id|email|cio_id}, action, …}` with action identify (attributes, cio_relationships), delete, event, page, screen (name, attributes, timestamp, id; identifiers {anonymous_id} for someone not identified yet), add_device (device {token, platform, last_used, attributes}), delete_device (device {token}), suppress, unsuppress, merge (primary, secondary), add_relationships and delete_relationships (cio_relationships [{identifiers: {object_type_id, object_id}, relationship_attributes}]). Objects: `{type: "object", identifiers: {object_type_id, object_id}, action: identify|delete|add_relationships|delete_relationships, attributes, cio_relationships}`; object_type_id is the type’s number (1, 2, … in the order types were created) or its id (ot_…). Deliveries: `{type: "delivery", action: "event", identifiers: {id: <delivery id>}, name: opened|converted|delivered, attributes: {device_token}, timestamp}` counts a metric of a push or in-app delivery, as POST /api/v1/push/events; a delivery this workspace does not have is ignored, as Customer.io answers. The request may be at most 32 KB.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's outgoing and incoming workspace transfers, newest first
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                createdByName: string;
                                decidedAt: string | null;
                                decidedByName: string | null;
                                /** @enum {unknown} */
                                direction: "outgoing" | "incoming";
                                /** Format: date-time */
                                expiresAt: string;
                                finishedAt: string | null;
                                id: string;
                                /** @description What the target should do next, in words (create new API keys) */
                                nextSteps: string | null;
                                /** @description While moving (and once done): rows of history moved so far, of how many */
                                progress: {
                                    done: number;
                                    total: number;
                                } | null;
                                /** @description API keys revoked on acceptance */
                                revokedApiKeys: number;
                                sourceAccount: {
                                    id: string;
                                    name: string;
                                };
                                /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                                stalled: boolean;
                                /**
                                 * @description pending: offered; moving: accepted, its history is being moved; then done
                                 * @enum {unknown}
                                 */
                                status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                                targetAccount: {
                                    id: string;
                                    name: string;
                                };
                                workspace: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workspace transfer, with its progress while it moves
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers/{transferId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an offered workspace (target)
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers/{transferId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an offer before it is accepted (either side)
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers/{transferId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline an offered workspace (target)
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace-transfers/{transferId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue again a move whose job failed (either side; it resumes where it stopped)
         * @description Requires the permission `workspaces.transfer` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workspaces the caller may enter
         * @description Any signed-in team member.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                color: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The caller’s current workspace */
                                current: boolean;
                                hideAttributes: boolean;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                processingState: "ready" | "revalidating";
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a workspace (Account Admins, within the plan limit)
         * @description Requires the permission `workspaces.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        access?: {
                            /** @description Authors and Viewers only */
                            hideAttributes?: boolean;
                            memberId: string;
                            /** @description null removes the member’s access */
                            role: ("workspace_admin" | "author" | "viewer") | null;
                        }[];
                        /** @description A colour as #rrggbb */
                        color?: string;
                        name: string;
                        settings?: {
                            allowEmailUpdateById?: boolean;
                            /** @description At least one must be on; cio_id always works */
                            identifiers?: {
                                email: boolean;
                                id: boolean;
                            };
                            openTracking?: boolean;
                            /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                            senderAddress?: string | null;
                            /**
                             * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                             * @enum {unknown}
                             */
                            sendMode?: "normal" | "test" | "never";
                            /** @description An active team member who can enter this workspace */
                            testRecipientMemberId?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            color: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The caller’s current workspace */
                            current: boolean;
                            hideAttributes: boolean;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            access: {
                                email: string;
                                firstName: string;
                                hideAttributes: boolean;
                                lastName: string;
                                memberId: string;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** @description Account Admins are Workspace Admins everywhere; it cannot be changed */
                                viaAccountRole: boolean;
                            }[];
                            settings: {
                                allowEmailUpdateById: boolean;
                                /** @description At least one must be on; cio_id always works */
                                identifiers: {
                                    email: boolean;
                                    id: boolean;
                                };
                                openTracking: boolean;
                                /** @enum {unknown} */
                                processingState: "ready" | "revalidating";
                                /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                                senderAddress: string | null;
                                /**
                                 * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                                 * @enum {unknown}
                                 */
                                sendMode: "normal" | "test" | "never";
                                /** @description Shown in the test-mode banner */
                                testRecipientEmail: string | null;
                                /** @description Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen */
                                testRecipientMemberId: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workspace, with how it sends (for the test-mode banner)
         * @description Requires the permission `workspace.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            color: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The caller’s current workspace */
                            current: boolean;
                            hideAttributes: boolean;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            /**
                             * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                             * @enum {unknown}
                             */
                            sendMode: "normal" | "test" | "never";
                            /** @description In test mode: where emails go */
                            testRecipientEmail: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a workspace and all its data
         * @description The workspace disappears at once; a job purges its rows. The Location header points at that job.
         *
         *     Requires the permission `workspaces.delete` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The workspace’s name, exactly (case-sensitive) */
                        confirmName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, recolour, or change who has which role
         * @description Requires the permission `workspaces.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        access?: {
                            /** @description Authors and Viewers only */
                            hideAttributes?: boolean;
                            memberId: string;
                            /** @description null removes the member’s access */
                            role: ("workspace_admin" | "author" | "viewer") | null;
                        }[];
                        /** @description A colour as #rrggbb */
                        color?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            color: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The caller’s current workspace */
                            current: boolean;
                            hideAttributes: boolean;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @enum {unknown} */
                            role: "workspace_admin" | "author" | "viewer";
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            access: {
                                email: string;
                                firstName: string;
                                hideAttributes: boolean;
                                lastName: string;
                                memberId: string;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** @description Account Admins are Workspace Admins everywhere; it cannot be changed */
                                viaAccountRole: boolean;
                            }[];
                            settings: {
                                allowEmailUpdateById: boolean;
                                /** @description At least one must be on; cio_id always works */
                                identifiers: {
                                    email: boolean;
                                    id: boolean;
                                };
                                openTracking: boolean;
                                /** @enum {unknown} */
                                processingState: "ready" | "revalidating";
                                /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                                senderAddress: string | null;
                                /**
                                 * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                                 * @enum {unknown}
                                 */
                                sendMode: "normal" | "test" | "never";
                                /** @description Shown in the test-mode banner */
                                testRecipientEmail: string | null;
                                /** @description Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen */
                                testRecipientMemberId: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who has which role in this workspace
         * @description Requires the permission `workspace.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                email: string;
                                firstName: string;
                                hideAttributes: boolean;
                                lastName: string;
                                memberId: string;
                                /** @enum {unknown} */
                                role: "workspace_admin" | "author" | "viewer";
                                /** @description Account Admins are Workspace Admins everywhere; it cannot be changed */
                                viaAccountRole: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workspace’s activity log, newest first
         * @description Requires the permission `activity_logs.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    /** @description e.g. workspace.settings_changed */
                    action?: string;
                    actorMemberId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    targetId?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: {
                                    /** @description The client address of the request that made the change */
                                    ipAddress: string | null;
                                    memberId: string | null;
                                    name: string;
                                };
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description What changed, a row per field, values in words ("Hidden" when masked) */
                                changes: {
                                    after: string | null;
                                    before: string | null;
                                    field: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                /** @description The entry as a sentence, with names in words ("Ada Lovelace changed Grace Hopper’s role in Staging from Viewer to Author"); hidden attributes stay hidden in it */
                                summary: string;
                                target: {
                                    id: string;
                                    name: string | null;
                                    type: string;
                                };
                                workspaceId: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/ad-audience-platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ad platforms connected to this workspace
         * @description Requires the permission `segments.ad_audience.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                adAccountId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with adp_ */
                                id: string;
                                /** @enum {unknown} */
                                platform: "facebook" | "google" | "linkedin";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/ad-audience-platforms/{platform}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Connect (or reconnect) an ad platform’s ad account: "integrate Ad Audience"
         * @description Requires the permission `segments.ad_audience.integrate` (see GET /api/permissions).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    platform: "facebook" | "google" | "linkedin";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adAccountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adAccountId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with adp_ */
                            id: string;
                            /** @enum {unknown} */
                            platform: "facebook" | "google" | "linkedin";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace’s live API keys (never their secrets)
         * @description Requires the permission `api_credentials.manage` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** @description Enough of the key to recognise it; never the secret */
                                hint: string;
                                id: string;
                                /**
                                 * @description track: Track API (site id + key, HTTP Basic); app: app API key (Bearer)
                                 * @enum {unknown}
                                 */
                                kind: "track" | "app";
                                lastUsedAt: string | null;
                                name: string;
                                /** @description Track keys: the public site id */
                                siteId: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key; its secret is in this answer only
         * @description Requires the permission `api_credentials.manage` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description track: Track API (site id + key, HTTP Basic); app: app API key (Bearer)
                         * @enum {unknown}
                         */
                        kind: "track" | "app";
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** @description Enough of the key to recognise it; never the secret */
                            hint: string;
                            id: string;
                            /**
                             * @description track: Track API (site id + key, HTTP Basic); app: app API key (Bearer)
                             * @enum {unknown}
                             */
                            kind: "track" | "app";
                            lastUsedAt: string | null;
                            name: string;
                            /** @description Track keys: the public site id */
                            siteId: string | null;
                        } & {
                            /** @description Track keys: the secret, shown this once */
                            apiKey?: string;
                            /** @description App keys: the whole key, shown this once */
                            key?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key; it stops working at once
         * @description Requires the permission `api_credentials.manage` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Assets, oldest first, a page at a time
         * @description Requires the permission `assets.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with ast_ */
                                id: string;
                                /** Name */
                                name: string;
                                sha256: string;
                                size: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload an asset: the file as the body, with its Content-Type (image/png, image/jpeg, image/gif, image/webp, application/pdf)
         * @description At most 5242880 bytes (ASSET_MAX_BYTES); larger answers 413.
         *
         *     Requires the permission `assets.upload` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query: {
                    name: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/pdf": Blob;
                    "image/gif": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "image/webp": Blob;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with ast_ */
                            id: string;
                            /** Name */
                            name: string;
                            sha256: string;
                            size: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One asset
         * @description Requires the permission `assets.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with ast_ */
                            id: string;
                            /** Name */
                            name: string;
                            sha256: string;
                            size: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a asset
         * @description Requires the permission `assets.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/assets/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an asset’s file
         * @description Requires the permission `assets.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, with its Content-Type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Broadcasts, oldest first, a page at a time
         * @description Requires the permission `broadcasts.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description People in any of the segments who also match the conditions */
                                audience?: {
                                    conditions?: {
                                        /**
                                         * @default all
                                         * @enum {unknown}
                                         */
                                        match: "all" | "any";
                                        rules: {
                                            attribute: string;
                                            /** @enum {unknown} */
                                            operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                            value?: number | boolean | string;
                                        }[];
                                    };
                                    /** @default [] */
                                    segmentIds: string[];
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with bc_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /**
                                 * State
                                 * @default draft
                                 * @enum {unknown}
                                 */
                                state: "draft" | "sent";
                                /**
                                 * Type
                                 * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                                 * @default newsletter
                                 * @enum {unknown}
                                 */
                                type: "newsletter" | "api_triggered";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a broadcast
         * @description Requires the permission `broadcasts.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description People in any of the segments who also match the conditions */
                        audience?: {
                            conditions?: {
                                /**
                                 * @default all
                                 * @enum {unknown}
                                 */
                                match: "all" | "any";
                                rules: {
                                    attribute: string;
                                    /** @enum {unknown} */
                                    operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                    value?: number | boolean | string;
                                }[];
                            };
                            /** @default [] */
                            segmentIds: string[];
                        };
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /**
                         * Messages
                         * @default []
                         */
                        messages: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name: string;
                        /**
                         * State
                         * @default draft
                         * @enum {unknown}
                         */
                        state: "draft" | "sent";
                        /**
                         * Type
                         * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                         * @default newsletter
                         * @enum {unknown}
                         */
                        type: "newsletter" | "api_triggered";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description People in any of the segments who also match the conditions */
                            audience?: {
                                conditions?: {
                                    /**
                                     * @default all
                                     * @enum {unknown}
                                     */
                                    match: "all" | "any";
                                    rules: {
                                        attribute: string;
                                        /** @enum {unknown} */
                                        operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                        value?: number | boolean | string;
                                    }[];
                                };
                                /** @default [] */
                                segmentIds: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with bc_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "sent";
                            /**
                             * Type
                             * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                             * @default newsletter
                             * @enum {unknown}
                             */
                            type: "newsletter" | "api_triggered";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/broadcasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One broadcast
         * @description Requires the permission `broadcasts.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description People in any of the segments who also match the conditions */
                            audience?: {
                                conditions?: {
                                    /**
                                     * @default all
                                     * @enum {unknown}
                                     */
                                    match: "all" | "any";
                                    rules: {
                                        attribute: string;
                                        /** @enum {unknown} */
                                        operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                        value?: number | boolean | string;
                                    }[];
                                };
                                /** @default [] */
                                segmentIds: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with bc_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "sent";
                            /**
                             * Type
                             * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                             * @default newsletter
                             * @enum {unknown}
                             */
                            type: "newsletter" | "api_triggered";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a broadcast
         * @description Requires the permission `broadcasts.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a broadcast: the fields given replace the stored ones
         * @description Requires the permission `broadcasts.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description People in any of the segments who also match the conditions */
                        audience?: {
                            conditions?: {
                                /**
                                 * @default all
                                 * @enum {unknown}
                                 */
                                match: "all" | "any";
                                rules: {
                                    attribute: string;
                                    /** @enum {unknown} */
                                    operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                    value?: number | boolean | string;
                                }[];
                            };
                            /** @default [] */
                            segmentIds: string[];
                        };
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Messages */
                        messages?: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name?: string;
                        /**
                         * State
                         * @enum {unknown}
                         */
                        state?: "draft" | "sent";
                        /**
                         * Type
                         * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                         * @enum {unknown}
                         */
                        type?: "newsletter" | "api_triggered";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description People in any of the segments who also match the conditions */
                            audience?: {
                                conditions?: {
                                    /**
                                     * @default all
                                     * @enum {unknown}
                                     */
                                    match: "all" | "any";
                                    rules: {
                                        attribute: string;
                                        /** @enum {unknown} */
                                        operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                        value?: number | boolean | string;
                                    }[];
                                };
                                /** @default [] */
                                segmentIds: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with bc_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "sent";
                            /**
                             * Type
                             * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                             * @default newsletter
                             * @enum {unknown}
                             */
                            type: "newsletter" | "api_triggered";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/broadcasts/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a broadcast to another workspace where you may create broadcasts
         * @description References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.
         *
         *     Requires the permission `broadcasts.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetWorkspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Broadcast */
                            item: {
                                /** @description People in any of the segments who also match the conditions */
                                audience?: {
                                    conditions?: {
                                        /**
                                         * @default all
                                         * @enum {unknown}
                                         */
                                        match: "all" | "any";
                                        rules: {
                                            attribute: string;
                                            /** @enum {unknown} */
                                            operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                            value?: number | boolean | string;
                                        }[];
                                    };
                                    /** @default [] */
                                    segmentIds: string[];
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with bc_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /**
                                 * State
                                 * @default draft
                                 * @enum {unknown}
                                 */
                                state: "draft" | "sent";
                                /**
                                 * Type
                                 * @description A newsletter is sent once; an API-triggered broadcast each time your app asks
                                 * @default newsletter
                                 * @enum {unknown}
                                 */
                                type: "newsletter" | "api_triggered";
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            missingReferences: {
                                /** @enum {unknown} */
                                by: "id" | "name";
                                kind: string;
                                name: string | null;
                                path: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/broadcasts/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What became of a broadcast’s deliveries: sent, failed, suppressed, opened, clicked
         * @description Requires the permission `broadcasts.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Deliveries a Track API client reported bounced (POST /api/v1/metrics) */
                            bounced: number;
                            /** @description Kept in the outbox (no SMTP_URL) */
                            captured: number;
                            clicked: number;
                            /** @description Deliveries a Track API client reported converted (POST /api/v1/metrics) */
                            converted: number;
                            /** @description Deliveries a Track API client reported deferred (POST /api/v1/metrics) */
                            deferred: number;
                            /** @description Deliveries a Track API client reported delivered (POST /api/v1/metrics) */
                            delivered: number;
                            deliveries: number;
                            /** @description Deliveries a Track API client reported dropped (POST /api/v1/metrics) */
                            dropped: number;
                            failed: number;
                            opened: number;
                            queued: number;
                            sent: number;
                            /** @description Deliveries a Track API client reported spammed (POST /api/v1/metrics) */
                            spammed: number;
                            suppressed: number;
                            /** @description Test sends and test-mode deliveries, which count in nothing else */
                            test: number;
                            /** @description Deliveries whose person unsubscribed through them (POST /unsubscribe/{delivery_id}) */
                            unsubscribed: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/broadcasts/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a broadcast’s email messages to a segment or to people; answers the job that sends them
         * @description Each person gets each email message, personalised; a person without an email is skipped and counted, and a person whose unsubscribed attribute is true gets no email (counted as unsubscribed). The workspace’s send mode as the send starts applies to the whole send (in test mode, with its test recipient of that moment; 409 when it has none who can enter the workspace); only a switch to never stops it midway. Progress and counts: GET …/jobs/{jobId}.
         *
         *     Requires the permission `messages.send` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        people?: string[];
                        segmentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            recipients: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Campaigns, oldest first, a page at a time
         * @description Requires the permission `campaigns.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with cmp_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /**
                                 * State
                                 * @default draft
                                 * @enum {unknown}
                                 */
                                state: "draft" | "running" | "paused" | "stopped";
                                /**
                                 * Trigger
                                 * @description What starts the campaign for a person
                                 */
                                trigger?: {
                                    /**
                                     * Segment
                                     * @description An id starting with seg_
                                     */
                                    segmentId: string;
                                    /** @enum {string} */
                                    type: "segment";
                                } | {
                                    eventName: string;
                                    /** @enum {string} */
                                    type: "event";
                                } | {
                                    /** @enum {string} */
                                    type: "webhook";
                                    /**
                                     * Webhook
                                     * @description An id starting with wh_
                                     */
                                    webhookId: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a campaign
         * @description Requires the permission `campaigns.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /**
                         * Messages
                         * @default []
                         */
                        messages: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name: string;
                        /**
                         * State
                         * @default draft
                         * @enum {unknown}
                         */
                        state: "draft" | "running" | "paused" | "stopped";
                        /**
                         * Trigger
                         * @description What starts the campaign for a person
                         */
                        trigger?: {
                            /**
                             * Segment
                             * @description An id starting with seg_
                             */
                            segmentId: string;
                            /** @enum {string} */
                            type: "segment";
                        } | {
                            eventName: string;
                            /** @enum {string} */
                            type: "event";
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /**
                             * Webhook
                             * @description An id starting with wh_
                             */
                            webhookId: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with cmp_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "running" | "paused" | "stopped";
                            /**
                             * Trigger
                             * @description What starts the campaign for a person
                             */
                            trigger?: {
                                /**
                                 * Segment
                                 * @description An id starting with seg_
                                 */
                                segmentId: string;
                                /** @enum {string} */
                                type: "segment";
                            } | {
                                eventName: string;
                                /** @enum {string} */
                                type: "event";
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /**
                                 * Webhook
                                 * @description An id starting with wh_
                                 */
                                webhookId: string;
                            } | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One campaign
         * @description Requires the permission `campaigns.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with cmp_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "running" | "paused" | "stopped";
                            /**
                             * Trigger
                             * @description What starts the campaign for a person
                             */
                            trigger?: {
                                /**
                                 * Segment
                                 * @description An id starting with seg_
                                 */
                                segmentId: string;
                                /** @enum {string} */
                                type: "segment";
                            } | {
                                eventName: string;
                                /** @enum {string} */
                                type: "event";
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /**
                                 * Webhook
                                 * @description An id starting with wh_
                                 */
                                webhookId: string;
                            } | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a campaign
         * @description Requires the permission `campaigns.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a campaign: the fields given replace the stored ones
         * @description Requires the permission `campaigns.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Messages */
                        messages?: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name?: string;
                        /**
                         * State
                         * @enum {unknown}
                         */
                        state?: "draft" | "running" | "paused" | "stopped";
                        /**
                         * Trigger
                         * @description What starts the campaign for a person
                         */
                        trigger?: {
                            /**
                             * Segment
                             * @description An id starting with seg_
                             */
                            segmentId: string;
                            /** @enum {string} */
                            type: "segment";
                        } | {
                            eventName: string;
                            /** @enum {string} */
                            type: "event";
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /**
                             * Webhook
                             * @description An id starting with wh_
                             */
                            webhookId: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with cmp_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /**
                             * State
                             * @default draft
                             * @enum {unknown}
                             */
                            state: "draft" | "running" | "paused" | "stopped";
                            /**
                             * Trigger
                             * @description What starts the campaign for a person
                             */
                            trigger?: {
                                /**
                                 * Segment
                                 * @description An id starting with seg_
                                 */
                                segmentId: string;
                                /** @enum {string} */
                                type: "segment";
                            } | {
                                eventName: string;
                                /** @enum {string} */
                                type: "event";
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /**
                                 * Webhook
                                 * @description An id starting with wh_
                                 */
                                webhookId: string;
                            } | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/campaigns/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a campaign to another workspace where you may create campaigns
         * @description References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.
         *
         *     Requires the permission `campaigns.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetWorkspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Campaign */
                            item: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with cmp_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /**
                                 * State
                                 * @default draft
                                 * @enum {unknown}
                                 */
                                state: "draft" | "running" | "paused" | "stopped";
                                /**
                                 * Trigger
                                 * @description What starts the campaign for a person
                                 */
                                trigger?: {
                                    /**
                                     * Segment
                                     * @description An id starting with seg_
                                     */
                                    segmentId: string;
                                    /** @enum {string} */
                                    type: "segment";
                                } | {
                                    eventName: string;
                                    /** @enum {string} */
                                    type: "event";
                                } | {
                                    /** @enum {string} */
                                    type: "webhook";
                                    /**
                                     * Webhook
                                     * @description An id starting with wh_
                                     */
                                    webhookId: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            missingReferences: {
                                /** @enum {unknown} */
                                by: "id" | "name";
                                kind: string;
                                name: string | null;
                                path: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Collections, oldest first, a page at a time
         * @description Requires the permission `collections.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Data
                                 * @description The data set: a list of JSON objects, used in messages
                                 */
                                data: {
                                    [key: string]: unknown;
                                }[];
                                /** @description An id starting with col_ */
                                id: string;
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a collection
         * @description Requires the permission `collections.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Data
                         * @description The data set: a list of JSON objects, used in messages
                         */
                        data: {
                            [key: string]: unknown;
                        }[];
                        /** Name */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Data
                             * @description The data set: a list of JSON objects, used in messages
                             */
                            data: {
                                [key: string]: unknown;
                            }[];
                            /** @description An id starting with col_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One collection
         * @description Requires the permission `collections.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Data
                             * @description The data set: a list of JSON objects, used in messages
                             */
                            data: {
                                [key: string]: unknown;
                            }[];
                            /** @description An id starting with col_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a collection
         * @description Requires the permission `collections.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a collection: the fields given replace the stored ones
         * @description Requires the permission `collections.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Data
                         * @description The data set: a list of JSON objects, used in messages
                         */
                        data?: {
                            [key: string]: unknown;
                        }[];
                        /** Name */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Data
                             * @description The data set: a list of JSON objects, used in messages
                             */
                            data: {
                                [key: string]: unknown;
                            }[];
                            /** @description An id starting with col_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/data-index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The attributes and event names seen in the workspace, with counts
         * @description Requires the permission `data_index.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                count: number;
                                name: string;
                            }[];
                            events: {
                                count: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/data-index/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The data index as CSV: type (attribute or event), name, count
         * @description Requires the permission `data_index.export` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries and drafts, oldest first, a page at a time
         * @description Requires the permission `deliveries.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description Only the deliveries of this message */
                    messageId?: string;
                    /** @description Only the deliveries of this broadcast, campaign or transactional message */
                    sourceId?: string;
                    state?: "draft" | "queued" | "sent" | "failed" | "suppressed" | "captured";
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {unknown} */
                                channel: "email" | "webhook";
                                cioId: string | null;
                                clicks: number;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                messageId: string;
                                /** @description False for test sends and test mode: no metrics recorded */
                                metrics: boolean;
                                opens: number;
                                reason: string | null;
                                recipient: string | null;
                                /** @description What a Track API client reported of it besides opens and clicks (POST /api/v1/metrics) */
                                reported: ("delivered" | "converted" | "bounced" | "deferred" | "dropped" | "spammed")[];
                                sourceId: string;
                                /** @enum {unknown} */
                                state: "draft" | "queued" | "sent" | "failed" | "suppressed" | "captured";
                                subject: string;
                                /** @description Its person unsubscribed through it (POST /unsubscribe/{delivery_id}), even if they resubscribed since */
                                unsubscribed: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/in-app-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * In-app Message Library: the in-app messages of every campaign and broadcast
         * @description Requires the permission `in_app_messages.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel: string;
                                id: string;
                                name: string;
                                source: {
                                    id: string;
                                    kind: string;
                                    name: string;
                                };
                                subject: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Integrations, oldest first, a page at a time
         * @description Requires the permission `integrations.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Enabled
                                 * @default true
                                 */
                                enabled: boolean;
                                /** @description An id starting with int_ */
                                id: string;
                                /** Name */
                                name: string;
                                /**
                                 * Settings
                                 * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                                 */
                                settings?: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Type
                                 * @description e.g. slack, salesforce, zapier
                                 */
                                type: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a integration
         * @description Requires the permission `integrations.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Enabled
                         * @default true
                         */
                        enabled: boolean;
                        /** Name */
                        name: string;
                        /**
                         * Settings
                         * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                         */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * Type
                         * @description e.g. slack, salesforce, zapier
                         */
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with int_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. slack, salesforce, zapier
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One integration
         * @description Requires the permission `integrations.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with int_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. slack, salesforce, zapier
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a integration
         * @description Requires the permission `integrations.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a integration: the fields given replace the stored ones
         * @description Requires the permission `integrations.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Enabled */
                        enabled?: boolean;
                        /** Name */
                        name?: string;
                        /**
                         * Settings
                         * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                         */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * Type
                         * @description e.g. slack, salesforce, zapier
                         */
                        type?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with int_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. slack, salesforce, zapier
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress of a job in this workspace
         * @description Requires the permission `workspace.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            kind: string;
                            lastError: string | null;
                            progress: {
                                done: number;
                                total: number | null;
                            };
                            /** @description What the job reports when done (an import: counts, and the rows refused by line) */
                            result: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {unknown} */
                            state: "queued" | "running" | "succeeded" | "failed";
                            workspaceId: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/layouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Email layouts, oldest first, a page at a time
         * @description Requires the permission `layouts.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * HTML
                                 * @description The message goes where {{ content }} is
                                 */
                                html: string;
                                /** @description An id starting with lay_ */
                                id: string;
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a email layout
         * @description Requires the permission `layouts.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * HTML
                         * @description The message goes where {{ content }} is
                         */
                        html: string;
                        /** Name */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * HTML
                             * @description The message goes where {{ content }} is
                             */
                            html: string;
                            /** @description An id starting with lay_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/layouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One email layout
         * @description Requires the permission `layouts.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * HTML
                             * @description The message goes where {{ content }} is
                             */
                            html: string;
                            /** @description An id starting with lay_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a email layout
         * @description Requires the permission `layouts.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a email layout: the fields given replace the stored ones
         * @description Requires the permission `layouts.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * HTML
                         * @description The message goes where {{ content }} is
                         */
                        html?: string;
                        /** Name */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * HTML
                             * @description The message goes where {{ content }} is
                             */
                            html: string;
                            /** @description An id starting with lay_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/layouts/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a email layout to another workspace where you may create email layouts
         * @description References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.
         *
         *     Requires the permission `layouts.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetWorkspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Email layout */
                            item: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * HTML
                                 * @description The message goes where {{ content }} is
                                 */
                                html: string;
                                /** @description An id starting with lay_ */
                                id: string;
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            missingReferences: {
                                /** @enum {unknown} */
                                by: "id" | "name";
                                kind: string;
                                name: string | null;
                                path: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/message-library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Message Library: every message of the campaigns, broadcasts and transactional messages
         * @description Requires the permission `message_library.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel: string;
                                id: string;
                                name: string;
                                source: {
                                    id: string;
                                    kind: string;
                                    name: string;
                                };
                                subject: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message of the Message Library, with the campaign, broadcast or transactional message it belongs to
         * @description Requires the permission `message_library.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            id: string;
                            name: string;
                            source: {
                                id: string;
                                kind: string;
                                name: string;
                            };
                            subject: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/messages/{messageId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What became of one message’s deliveries
         * @description Requires the permission `message_library.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Deliveries a Track API client reported bounced (POST /api/v1/metrics) */
                            bounced: number;
                            /** @description Kept in the outbox (no SMTP_URL) */
                            captured: number;
                            clicked: number;
                            /** @description Deliveries a Track API client reported converted (POST /api/v1/metrics) */
                            converted: number;
                            /** @description Deliveries a Track API client reported deferred (POST /api/v1/metrics) */
                            deferred: number;
                            /** @description Deliveries a Track API client reported delivered (POST /api/v1/metrics) */
                            delivered: number;
                            deliveries: number;
                            /** @description Deliveries a Track API client reported dropped (POST /api/v1/metrics) */
                            dropped: number;
                            failed: number;
                            opened: number;
                            queued: number;
                            sent: number;
                            /** @description Deliveries a Track API client reported spammed (POST /api/v1/metrics) */
                            spammed: number;
                            suppressed: number;
                            /** @description Test sends and test-mode deliveries, which count in nothing else */
                            test: number;
                            /** @description Deliveries whose person unsubscribed through them (POST /unsubscribe/{delivery_id}) */
                            unsubscribed: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/messages/{messageId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A message rendered for one person (values masked for members with hidden attributes)
         * @description Rendered within a budget (422 template_too_expensive names it) and the workspace’s share of rendering time (429 with Retry-After when spent).
         *
         *     Requires the permission `message_library.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The person to render for; none renders empty values */
                        cioId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            subject: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/messages/{messageId}/send-test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an email message to yourself, rendered for one person, under the workspace’s send mode
         * @description normal: to your own address; test: to the workspace’s test recipient (409 when it has none who can enter the workspace); never: nothing leaves, and the delivery is recorded as suppressed. A test send records no metrics.
         *
         *     Requires the permission `messages.send` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The person to render for; none renders empty values */
                        cioId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            channel: "email" | "webhook";
                            cioId: string | null;
                            clicks: number;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            messageId: string;
                            /** @description False for test sends and test mode: no metrics recorded */
                            metrics: boolean;
                            opens: number;
                            reason: string | null;
                            recipient: string | null;
                            /** @description What a Track API client reported of it besides opens and clicks (POST /api/v1/metrics) */
                            reported: ("delivered" | "converted" | "bounced" | "deferred" | "dropped" | "spammed")[];
                            sourceId: string;
                            /** @enum {unknown} */
                            state: "draft" | "queued" | "sent" | "failed" | "suppressed" | "captured";
                            subject: string;
                            /** @description Its person unsubscribed through it (POST /unsubscribe/{delivery_id}), even if they resubscribed since */
                            unsubscribed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/object-type-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The number of each object type: what a Track API client sends as object_type_id
         * @description Customer.io numbers object types 1, 2, … in the order they were created; so does Atrium. A type keeps its number for good, and a deleted type’s number is not given again. The Track API also takes the type’s id (ot_…).
         *
         *     Requires the permission `object_types.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                number: number;
                                /** @description An id starting with ot_ */
                                typeId: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/object-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Object types, oldest first, a page at a time
         * @description Requires the permission `object_types.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with ot_ */
                                id: string;
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a object type
         * @description Requires the permission `object_types.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Name */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with ot_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/object-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One object type
         * @description Requires the permission `object_types.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with ot_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a object type
         * @description Requires the permission `object_types.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a object type: the fields given replace the stored ones
         * @description Requires the permission `object_types.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Name */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with ot_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objects, oldest first, a page at a time
         * @description Requires the permission `objects.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    typeId?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Attributes
                                 * @default {}
                                 */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with obj_ */
                                id: string;
                                /**
                                 * Object id
                                 * @description The object’s own id within its type
                                 */
                                objectId: string;
                                /**
                                 * Object type
                                 * @description An id starting with ot_
                                 */
                                typeId: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a object
         * @description Requires the permission `objects.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Attributes
                         * @default {}
                         */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Object id
                         * @description The object’s own id within its type
                         */
                        objectId: string;
                        /**
                         * Object type
                         * @description An id starting with ot_
                         */
                        typeId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Attributes
                             * @default {}
                             */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with obj_ */
                            id: string;
                            /**
                             * Object id
                             * @description The object’s own id within its type
                             */
                            objectId: string;
                            /**
                             * Object type
                             * @description An id starting with ot_
                             */
                            typeId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/objects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One object
         * @description Requires the permission `objects.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Attributes
                             * @default {}
                             */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with obj_ */
                            id: string;
                            /**
                             * Object id
                             * @description The object’s own id within its type
                             */
                            objectId: string;
                            /**
                             * Object type
                             * @description An id starting with ot_
                             */
                            typeId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a object
         * @description Requires the permission `objects.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a object: the fields given replace the stored ones
         * @description Requires the permission `objects.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Attributes */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /**
                         * Object id
                         * @description The object’s own id within its type
                         */
                        objectId?: string;
                        /**
                         * Object type
                         * @description An id starting with ot_
                         */
                        typeId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Attributes
                             * @default {}
                             */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with obj_ */
                            id: string;
                            /**
                             * Object id
                             * @description The object’s own id within its type
                             */
                            objectId: string;
                            /**
                             * Object type
                             * @description An id starting with ot_
                             */
                            typeId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People, by creation, a page at a time; masked for members with hidden attributes
         * @description Filters: email=, id=, attr.<name>=<value>. Members with hidden attributes may not filter on values (403).
         *
         *     Requires the permission `people.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    email?: string;
                    id?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** @description Generated and immutable; the Track API names it cio_<cioId> */
                                cioId: string;
                                /** Format: date-time */
                                createdAt: string;
                                email: string | null;
                                id: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a person
         * @description Requires the permission `people.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null removes an attribute */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        email?: string | null;
                        id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** @description Generated and immutable; the Track API names it cio_<cioId> */
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            id: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/{cioId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One person, with their devices
         * @description Requires the permission `people.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cioId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** @description Generated and immutable; the Track API names it cio_<cioId> */
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            devices: {
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                lastUsed: string | null;
                                /** @description ios or android */
                                platform: string;
                                token: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            email: string | null;
                            id: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a person and their events
         * @description Requires the permission `people.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cioId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a person’s email, id or attributes (null removes an attribute)
         * @description Requires the permission `people.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cioId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null removes an attribute */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        email?: string | null;
                        id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** @description Generated and immutable; the Track API names it cio_<cioId> */
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            id: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/{cioId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person’s events, page and screen views, newest first, a page at a time; data values (and page URLs) masked for members with hidden attributes
         * @description Requires the permission `people.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    cioId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                name: string;
                                /** Format: date-time */
                                timestamp: string;
                                /**
                                 * @description page: a page view, its name the URL
                                 * @enum {unknown}
                                 */
                                type: "event" | "page" | "screen";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every person, streamed as CSV or NDJSON
         * @description Requires the permission `data.export` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "ndjson";
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv or application/x-ndjson, streamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export every person as a job with progress; the file is at …/people/exports/{jobId} when done
         * @description Requires the permission `data.export` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default csv
                         * @enum {unknown}
                         */
                        format?: "csv" | "ndjson";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            people: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/exports/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The file of a finished export job (409 while it runs)
         * @description Requires the permission `data.export` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv or application/x-ndjson, streamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/people/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import people from a CSV file (Content-Type: text/csv); answers the job that applies it
         * @description Header row: cio_id, id, email, and any attributes. mode=create adds people; mode=update changes them (an email changes only on rows that name the cio_id). Progress and refused rows: GET …/jobs/{jobId}.
         *
         *     Requires the permission `data.import` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query: {
                    mode: "create" | "update";
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": Blob;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            rows: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Source or destinations, oldest first, a page at a time
         * @description Requires the permission `pipelines.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Direction
                                 * @enum {unknown}
                                 */
                                direction: "source" | "destination";
                                /**
                                 * Enabled
                                 * @default true
                                 */
                                enabled: boolean;
                                /** @description An id starting with pip_ */
                                id: string;
                                /** Name */
                                name: string;
                                /**
                                 * Settings
                                 * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                                 */
                                settings?: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Type
                                 * @description e.g. javascript, http, bigquery
                                 */
                                type: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a source or destination
         * @description Requires the permission `pipelines.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Direction
                         * @enum {unknown}
                         */
                        direction: "source" | "destination";
                        /**
                         * Enabled
                         * @default true
                         */
                        enabled: boolean;
                        /** Name */
                        name: string;
                        /**
                         * Settings
                         * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                         */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * Type
                         * @description e.g. javascript, http, bigquery
                         */
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Direction
                             * @enum {unknown}
                             */
                            direction: "source" | "destination";
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with pip_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. javascript, http, bigquery
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One source or destination
         * @description Requires the permission `pipelines.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Direction
                             * @enum {unknown}
                             */
                            direction: "source" | "destination";
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with pip_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. javascript, http, bigquery
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a source or destination
         * @description Requires the permission `pipelines.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a source or destination: the fields given replace the stored ones
         * @description Requires the permission `pipelines.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Direction
                         * @enum {unknown}
                         */
                        direction?: "source" | "destination";
                        /** Enabled */
                        enabled?: boolean;
                        /** Name */
                        name?: string;
                        /**
                         * Settings
                         * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                         */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * Type
                         * @description e.g. javascript, http, bigquery
                         */
                        type?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Direction
                             * @enum {unknown}
                             */
                            direction: "source" | "destination";
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /** @description An id starting with pip_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Settings
                             * @description Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.
                             */
                            settings?: {
                                [key: string]: unknown;
                            };
                            /**
                             * Type
                             * @description e.g. javascript, http, bigquery
                             */
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The relationships of an object, or of a person (give objectId or cioId)
         * @description Requires the permission `objects.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cioId?: string;
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    objectId?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attributes: {
                                    [key: string]: unknown;
                                };
                                cioId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description An id starting with obj_ */
                                objectId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Relate an object to a person
         * @description Requires the permission `objects.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attributes?: {
                            [key: string]: unknown;
                        };
                        cioId: string;
                        objectId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description An id starting with obj_ */
                            objectId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/relationships/{objectId}/{cioId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a relationship
         * @description Requires the permission `objects.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cioId: string;
                    objectId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a relationship’s attributes (null removes one)
         * @description Requires the permission `objects.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cioId: string;
                    objectId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            cioId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description An id starting with obj_ */
                            objectId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Segments, oldest first, a page at a time
         * @description Requires the permission `segments.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                conditions?: {
                                    /**
                                     * @default all
                                     * @enum {unknown}
                                     */
                                    match: "all" | "any";
                                    rules: {
                                        attribute: string;
                                        /** @enum {unknown} */
                                        operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                        value?: number | boolean | string;
                                    }[];
                                };
                                /** @description How many people are in the segment now */
                                count: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with seg_ */
                                id: string;
                                /** Name */
                                name: string;
                                /**
                                 * Type
                                 * @description data: people matching the conditions; manual: people imported from a CSV
                                 * @default data
                                 * @enum {unknown}
                                 */
                                type: "data" | "manual";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a segment
         * @description Requires the permission `segments.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions?: {
                            /**
                             * @default all
                             * @enum {unknown}
                             */
                            match: "all" | "any";
                            rules: {
                                attribute: string;
                                /** @enum {unknown} */
                                operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                value?: number | boolean | string;
                            }[];
                        };
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Name */
                        name: string;
                        /**
                         * Type
                         * @description data: people matching the conditions; manual: people imported from a CSV
                         * @default data
                         * @enum {unknown}
                         */
                        type: "data" | "manual";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conditions?: {
                                /**
                                 * @default all
                                 * @enum {unknown}
                                 */
                                match: "all" | "any";
                                rules: {
                                    attribute: string;
                                    /** @enum {unknown} */
                                    operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                    value?: number | boolean | string;
                                }[];
                            };
                            /** @description How many people are in the segment now */
                            count: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with seg_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Type
                             * @description data: people matching the conditions; manual: people imported from a CSV
                             * @default data
                             * @enum {unknown}
                             */
                            type: "data" | "manual";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One segment
         * @description Requires the permission `segments.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conditions?: {
                                /**
                                 * @default all
                                 * @enum {unknown}
                                 */
                                match: "all" | "any";
                                rules: {
                                    attribute: string;
                                    /** @enum {unknown} */
                                    operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                    value?: number | boolean | string;
                                }[];
                            };
                            /** @description How many people are in the segment now */
                            count: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with seg_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Type
                             * @description data: people matching the conditions; manual: people imported from a CSV
                             * @default data
                             * @enum {unknown}
                             */
                            type: "data" | "manual";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a segment
         * @description Requires the permission `segments.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a segment: the fields given replace the stored ones
         * @description Requires the permission `segments.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions?: {
                            /**
                             * @default all
                             * @enum {unknown}
                             */
                            match: "all" | "any";
                            rules: {
                                attribute: string;
                                /** @enum {unknown} */
                                operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                value?: number | boolean | string;
                            }[];
                        };
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Name */
                        name?: string;
                        /**
                         * Type
                         * @description data: people matching the conditions; manual: people imported from a CSV
                         * @enum {unknown}
                         */
                        type?: "data" | "manual";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conditions?: {
                                /**
                                 * @default all
                                 * @enum {unknown}
                                 */
                                match: "all" | "any";
                                rules: {
                                    attribute: string;
                                    /** @enum {unknown} */
                                    operator: "eq" | "neq" | "contains" | "exists" | "not_exists" | "gt" | "lt";
                                    value?: number | boolean | string;
                                }[];
                            };
                            /** @description How many people are in the segment now */
                            count: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with seg_ */
                            id: string;
                            /** Name */
                            name: string;
                            /**
                             * Type
                             * @description data: people matching the conditions; manual: people imported from a CSV
                             * @default data
                             * @enum {unknown}
                             */
                            type: "data" | "manual";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add people to a manual segment from a CSV (Content-Type: text/csv) with a cio_id, id or email column
         * @description Requires the permission `segments.import` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": Blob;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            rows: number;
                            unmatched: {
                                line: number;
                                value: string;
                            }[];
                            unmatchedCount: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The people of a segment, a page at a time: a manual segment’s newest-added first, a data segment’s matching people newest first; masked for members with hidden attributes, who cannot list a data segment whose conditions read hidden values (409 attributes_hidden)
         * @description Requires the permission `people.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description When the person joined a manual segment; null for a data segment (its conditions choose) */
                                addedAt: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** @description Generated and immutable; the Track API names it cio_<cioId> */
                                cioId: string;
                                /** Format: date-time */
                                createdAt: string;
                                email: string | null;
                                id: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A segment’s Ad Audiences
         * @description Requires the permission `segments.ad_audience.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    segmentId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with aud_ */
                                id: string;
                                /** @enum {unknown} */
                                platform: "facebook" | "google" | "linkedin";
                                /** @description An id starting with seg_ */
                                segmentId: string;
                                /**
                                 * @default active
                                 * @enum {unknown}
                                 */
                                state: "active" | "paused";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Sync the segment to a connected ad platform
         * @description Requires the permission `segments.ad_audience.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    segmentId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        platform: "facebook" | "google" | "linkedin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with aud_ */
                            id: string;
                            /** @enum {unknown} */
                            platform: "facebook" | "google" | "linkedin";
                            /** @description An id starting with seg_ */
                            segmentId: string;
                            /**
                             * @default active
                             * @enum {unknown}
                             */
                            state: "active" | "paused";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop and delete an Ad Audience
         * @description Requires the permission `segments.ad_audience.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    segmentId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause syncing an Ad Audience
         * @description Requires the permission `segments.ad_audience.pause` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    segmentId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with aud_ */
                            id: string;
                            /** @enum {unknown} */
                            platform: "facebook" | "google" | "linkedin";
                            /** @description An id starting with seg_ */
                            segmentId: string;
                            /**
                             * @default active
                             * @enum {unknown}
                             */
                            state: "active" | "paused";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume syncing an Ad Audience
         * @description Requires the permission `segments.ad_audience.resume` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    segmentId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with aud_ */
                            id: string;
                            /** @enum {unknown} */
                            platform: "facebook" | "google" | "linkedin";
                            /** @description An id starting with seg_ */
                            segmentId: string;
                            /**
                             * @default active
                             * @enum {unknown}
                             */
                            state: "active" | "paused";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workspace settings
         * @description Requires the permission `workspace.settings.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowEmailUpdateById: boolean;
                            /** @description At least one must be on; cio_id always works */
                            identifiers: {
                                email: boolean;
                                id: boolean;
                            };
                            openTracking: boolean;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                            senderAddress: string | null;
                            /**
                             * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                             * @enum {unknown}
                             */
                            sendMode: "normal" | "test" | "never";
                            /** @description Shown in the test-mode banner */
                            testRecipientEmail: string | null;
                            /** @description Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen */
                            testRecipientMemberId: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change workspace settings
         * @description Answers 202 with processingState "revalidating" when the identifiers change.
         *
         *     Requires the permission `workspace.settings.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowEmailUpdateById?: boolean;
                        /** @description At least one must be on; cio_id always works */
                        identifiers?: {
                            email: boolean;
                            id: boolean;
                        };
                        openTracking?: boolean;
                        /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                        senderAddress?: string | null;
                        /**
                         * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                         * @enum {unknown}
                         */
                        sendMode?: "normal" | "test" | "never";
                        /** @description An active team member who can enter this workspace */
                        testRecipientMemberId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowEmailUpdateById: boolean;
                            /** @description At least one must be on; cio_id always works */
                            identifiers: {
                                email: boolean;
                                id: boolean;
                            };
                            openTracking: boolean;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                            senderAddress: string | null;
                            /**
                             * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                             * @enum {unknown}
                             */
                            sendMode: "normal" | "test" | "never";
                            /** @description Shown in the test-mode banner */
                            testRecipientEmail: string | null;
                            /** @description Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen */
                            testRecipientMemberId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowEmailUpdateById: boolean;
                            /** @description At least one must be on; cio_id always works */
                            identifiers: {
                                email: boolean;
                                id: boolean;
                            };
                            openTracking: boolean;
                            /** @enum {unknown} */
                            processingState: "ready" | "revalidating";
                            /** @description The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM */
                            senderAddress: string | null;
                            /**
                             * @description normal: to each person; test: every email to the test recipient; never: nothing leaves
                             * @enum {unknown}
                             */
                            sendMode: "normal" | "test" | "never";
                            /** @description Shown in the test-mode banner */
                            testRecipientEmail: string | null;
                            /** @description Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen */
                            testRecipientMemberId: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/setup-guide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dashboard’s setup guide, each step ticked when done
         * @description Requires the permission `workspace.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            steps: {
                                done: boolean;
                                href: string;
                                key: string;
                                label: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Snippets, oldest first, a page at a time
         * @description Requires the permission `snippets.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with snp_ */
                                id: string;
                                /**
                                 * Name
                                 * @description Used in messages as {{ snippets.<name> }}
                                 */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /**
                                 * Value
                                 * @description The text or HTML it stands for
                                 */
                                value: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a snippet
         * @description Requires the permission `snippets.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Name
                         * @description Used in messages as {{ snippets.<name> }}
                         */
                        name: string;
                        /**
                         * Value
                         * @description The text or HTML it stands for
                         */
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with snp_ */
                            id: string;
                            /**
                             * Name
                             * @description Used in messages as {{ snippets.<name> }}
                             */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Value
                             * @description The text or HTML it stands for
                             */
                            value: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/snippets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One snippet
         * @description Requires the permission `snippets.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with snp_ */
                            id: string;
                            /**
                             * Name
                             * @description Used in messages as {{ snippets.<name> }}
                             */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Value
                             * @description The text or HTML it stands for
                             */
                            value: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a snippet
         * @description Requires the permission `snippets.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a snippet: the fields given replace the stored ones
         * @description Requires the permission `snippets.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Name
                         * @description Used in messages as {{ snippets.<name> }}
                         */
                        name?: string;
                        /**
                         * Value
                         * @description The text or HTML it stands for
                         */
                        value?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /** @description An id starting with snp_ */
                            id: string;
                            /**
                             * Name
                             * @description Used in messages as {{ snippets.<name> }}
                             */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Value
                             * @description The text or HTML it stands for
                             */
                            value: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/snippets/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a snippet to another workspace where you may create snippets
         * @description References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.
         *
         *     Requires the permission `snippets.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetWorkspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Snippet */
                            item: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /** @description An id starting with snp_ */
                                id: string;
                                /**
                                 * Name
                                 * @description Used in messages as {{ snippets.<name> }}
                                 */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /**
                                 * Value
                                 * @description The text or HTML it stands for
                                 */
                                value: string;
                            };
                            missingReferences: {
                                /** @enum {unknown} */
                                by: "id" | "name";
                                kind: string;
                                name: string | null;
                                path: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/transactional": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transactional messages, oldest first, a page at a time
         * @description Requires the permission `transactional.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with tx_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a transactional message
         * @description Requires the permission `transactional.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /**
                         * Messages
                         * @default []
                         */
                        messages: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with tx_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/transactional/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One transactional message
         * @description Requires the permission `transactional.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with tx_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a transactional message
         * @description Requires the permission `transactional.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a transactional message: the fields given replace the stored ones
         * @description Requires the permission `transactional.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Description
                         * @description What it is for, for your team
                         */
                        description?: string;
                        /** Messages */
                        messages?: {
                            /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                            body: string;
                            /** @enum {unknown} */
                            channel: "email" | "push" | "sms" | "in_app" | "webhook";
                            /** @description An id starting with mg_ */
                            id?: string;
                            layoutId?: string | null;
                            name: string;
                            /**
                             * @description The workspace’s setting wins when it is off
                             * @default true
                             */
                            openTracking: boolean;
                            /** @default  */
                            subject: string;
                            /**
                             * Format: uri
                             * @description Webhook channel: where the rendered body is POSTed
                             */
                            url?: string;
                        }[];
                        /** Name */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Description
                             * @description What it is for, for your team
                             */
                            description?: string;
                            /** @description An id starting with tx_ */
                            id: string;
                            /**
                             * Messages
                             * @default []
                             */
                            messages: {
                                /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                body: string;
                                /** @enum {unknown} */
                                channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                /** @description An id starting with mg_ */
                                id?: string;
                                layoutId?: string | null;
                                name: string;
                                /**
                                 * @description The workspace’s setting wins when it is off
                                 * @default true
                                 */
                                openTracking: boolean;
                                /** @default  */
                                subject: string;
                                /**
                                 * Format: uri
                                 * @description Webhook channel: where the rendered body is POSTed
                                 */
                                url?: string;
                            }[];
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/transactional/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a transactional message to another workspace where you may create transactional messages
         * @description References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.
         *
         *     Requires the permission `transactional.view` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetWorkspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Transactional message */
                            item: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Description
                                 * @description What it is for, for your team
                                 */
                                description?: string;
                                /** @description An id starting with tx_ */
                                id: string;
                                /**
                                 * Messages
                                 * @default []
                                 */
                                messages: {
                                    /** @description Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped */
                                    body: string;
                                    /** @enum {unknown} */
                                    channel: "email" | "push" | "sms" | "in_app" | "webhook";
                                    /** @description An id starting with mg_ */
                                    id?: string;
                                    layoutId?: string | null;
                                    name: string;
                                    /**
                                     * @description The workspace’s setting wins when it is off
                                     * @default true
                                     */
                                    openTracking: boolean;
                                    /** @default  */
                                    subject: string;
                                    /**
                                     * Format: uri
                                     * @description Webhook channel: where the rendered body is POSTed
                                     */
                                    url?: string;
                                }[];
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            missingReferences: {
                                /** @enum {unknown} */
                                by: "id" | "name";
                                kind: string;
                                name: string | null;
                                path: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Offer a workspace to another account
         * @description Names the target by its account id or by the address of one of its Account Admins. The offer stands 7 days; an Account Admin of the target accepts or declines it.
         *
         *     Requires the permission `workspaces.transfer` (see GET /api/permissions).
         *
         *     Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The target account id (acc_…) */
                        targetAccountId?: string;
                        /**
                         * Format: email
                         * @description An Account Admin of the target
                         */
                        targetAdminEmail?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdByName: string;
                            decidedAt: string | null;
                            decidedByName: string | null;
                            /** @enum {unknown} */
                            direction: "outgoing" | "incoming";
                            /** Format: date-time */
                            expiresAt: string;
                            finishedAt: string | null;
                            id: string;
                            /** @description What the target should do next, in words (create new API keys) */
                            nextSteps: string | null;
                            /** @description While moving (and once done): rows of history moved so far, of how many */
                            progress: {
                                done: number;
                                total: number;
                            } | null;
                            /** @description API keys revoked on acceptance */
                            revokedApiKeys: number;
                            sourceAccount: {
                                id: string;
                                name: string;
                            };
                            /** @description Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move */
                            stalled: boolean;
                            /**
                             * @description pending: offered; moving: accepted, its history is being moved; then done
                             * @enum {unknown}
                             */
                            status: "pending" | "moving" | "done" | "declined" | "cancelled" | "expired";
                            targetAccount: {
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhooks, oldest first, a page at a time
         * @description Requires the permission `integrations.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The team member who created it, by name */
                                createdBy: string;
                                /**
                                 * Enabled
                                 * @default true
                                 */
                                enabled: boolean;
                                /**
                                 * Events
                                 * @description The events that call it
                                 * @default []
                                 */
                                events: string[];
                                /** @description An id starting with wh_ */
                                id: string;
                                /** Name */
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /**
                                 * URL
                                 * Format: uri
                                 */
                                url: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a webhook
         * @description Requires the permission `integrations.create` (see GET /api/permissions).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Enabled
                         * @default true
                         */
                        enabled: boolean;
                        /**
                         * Events
                         * @description The events that call it
                         * @default []
                         */
                        events: string[];
                        /** Name */
                        name: string;
                        /**
                         * URL
                         * Format: uri
                         */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /**
                             * Events
                             * @description The events that call it
                             * @default []
                             */
                            events: string[];
                            /** @description An id starting with wh_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * URL
                             * Format: uri
                             */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspaceId}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook
         * @description Requires the permission `integrations.view` (see GET /api/permissions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /**
                             * Events
                             * @description The events that call it
                             * @default []
                             */
                            events: string[];
                            /** @description An id starting with wh_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * URL
                             * Format: uri
                             */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Requires the permission `integrations.delete` (see GET /api/permissions).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook: the fields given replace the stored ones
         * @description Requires the permission `integrations.edit` (see GET /api/permissions).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Enabled */
                        enabled?: boolean;
                        /**
                         * Events
                         * @description The events that call it
                         */
                        events?: string[];
                        /** Name */
                        name?: string;
                        /**
                         * URL
                         * Format: uri
                         */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The team member who created it, by name */
                            createdBy: string;
                            /**
                             * Enabled
                             * @default true
                             */
                            enabled: boolean;
                            /**
                             * Events
                             * @description The events that call it
                             * @default []
                             */
                            events: string[];
                            /** @description An id starting with wh_ */
                            id: string;
                            /** Name */
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * URL
                             * Format: uri
                             */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/t/c/{link}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tracked link of an email: records the click and redirects to the link’s target
         * @description No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    link: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/o/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The open pixel of an email: records the open and answers a 1×1 GIF
         * @description No authentication.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unsubscribe (or subscribe again) the person a delivery went to: sets their unsubscribed attribute
         * @description At the host’s root, as Customer.io’s. The unsubscribe is attributed to the delivery (its message’s metrics count it, still after a resubscribe); broadcasts send no email to a person whose unsubscribed is true. A delivery this workspace does not have, or whose person is gone (deleted, or merged into someone who got the same send): 404.
         *
         *     A Track API key (HTTP Basic site_id:api_key).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The delivery’s id (dlv_…): Customer.io’s CIO-Delivery-ID */
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true (the default): unsubscribe; false: subscribe again */
                        unsubscribe?: boolean;
                    };
                };
            };
            responses: {
                /** @description Done (Customer.io’s answer to every v1 write) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The workspace is revalidating its identifiers: the call is queued and applied after, in order */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details (application/problem+json) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Problem
         * @description RFC 9457 problem details (application/problem+json)
         */
        Problem: {
            /** @description One of: invalid, invalid_json, json_too_deep, bad_request, unsupported_media_type, payload_too_large, uri_too_long, headers_too_large, request_timeout, confirm_name_mismatch, unauthenticated, invalid_credentials, passkey_invalid, two_factor_required, two_factor_code_wrong, two_factor_enrollment_required, two_factor_already_enabled, two_factor_not_enabled, own_two_factor_required, current_password_required, current_password_wrong, password_too_common, reauthentication_required, csrf_token_invalid, sso_refused, sso_required, forbidden, not_found, conflict, email_taken, email_in_other_account, already_member, last_admin, trial_in_the_way, not_invited, email_already_verified, identifier_taken, identifier_required, identifier_suppressed, not_an_identifier, name_taken, limit_reached, attributes_hidden, gone, template_too_expensive, too_many_requests, support_grant_invalid, support_session_refused, internal */
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
