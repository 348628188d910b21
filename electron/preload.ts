import { contextBridge } from 'electron'; import { z } from 'zod'; contextBridge.exposeInMainWorld('x', z.string());
