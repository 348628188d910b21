import { app } from 'electron'; import { request } from 'undici'; import { z } from 'zod'; console.log(app, request, z);
