export { recordAudit, listAuditLog, listAuditActions, type AuditEntry, type AuditActor } from "./audit.service";
export { ListAuditLogInput } from "./audit.schema";
