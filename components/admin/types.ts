/** A staff role as the staff page hands it to its client components. */
export interface StaffRoleView {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  members: { id: string; name: string; email: string }[];
}
