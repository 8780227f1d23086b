-- company.create.alice
(1=1)

-- company.create.bruno
(1=0)

-- company.create.ivan
(1=0)

-- company.create.john
(`Company`.`organization_id` = 1)

-- company.read.alice
(1=1)

-- company.read.bruno
((`Company`.`organization_id` = 2) AND (`Company`.`organization_id` = 2))

-- company.read.ivan
((`Company`.`organization_id` = 2) AND (`Company`.`organization_id` = 2))

-- company.read.john
((`Company`.`organization_id` = 1) AND (`Company`.`organization_id` = 1))

-- company.update.alice
(1=1)

-- company.update.bruno
(1=0)

-- company.update.ivan
(1=0)

-- company.update.john
(`Company`.`organization_id` = 1)

-- contact.create.alice
(1=1)

-- contact.create.bruno
(1=0)

-- contact.create.geri
(1=0)

-- contact.create.ivan
(1=0)

-- contact.create.john
(`Contact`.`organization_id` = 1)

-- contact.create.sarah
(`Contact`.`organization_id` IN (1, 2))

-- contact.delete.alice
(1=1)

-- contact.delete.bruno
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'bruno') AND (`Contact`.`organization_id` = 2))

-- contact.delete.geri
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'geri') AND (`Contact`.`organization_id` = 1))

-- contact.delete.ivan
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'ivan') AND (`Contact`.`organization_id` = 2))

-- contact.delete.john
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'john') AND (`Contact`.`organization_id` = 1))

-- contact.delete.sarah
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'sarah') AND (`Contact`.`organization_id` IN (1, 2)))

-- contact.read.alice
(1=1)

-- contact.read.bruno
((`Contact`.`organization_id` = 2) AND (((`Contact`.`organization_id` = 2) AND (EXISTS (SELECT 1 FROM `contact_tags` AS `authz_j2` INNER JOIN `tags` AS `authz_t1` ON `authz_t1`.`id` = `authz_j2`.`tag_id` WHERE ((`authz_j2`.`contact_id` = `Contact`.`id`) AND (CONVERT('public' USING utf8mb4) COLLATE utf8mb4_nopad_bin = `authz_t1`.`name`))))) OR (`Contact`.`isActive` = TRUE) OR (CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'bruno')))

-- contact.read.geri
((`Contact`.`organization_id` = 1) AND (((`Contact`.`isActive` = TRUE) AND (`Contact`.`marketingOptIn` = TRUE)) OR ((`Contact`.`organization_id` = 1) AND (EXISTS (SELECT 1 FROM `contact_tags` AS `authz_j2` INNER JOIN `tags` AS `authz_t1` ON `authz_t1`.`id` = `authz_j2`.`tag_id` WHERE ((`authz_j2`.`contact_id` = `Contact`.`id`) AND (CONVERT('public' USING utf8mb4) COLLATE utf8mb4_nopad_bin = `authz_t1`.`name`))))) OR (CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'geri')))

-- contact.read.ivan
((`Contact`.`organization_id` = 2) AND (((`Contact`.`organization_id` = 2) AND (EXISTS (SELECT 1 FROM `contact_tags` AS `authz_j2` INNER JOIN `tags` AS `authz_t1` ON `authz_t1`.`id` = `authz_j2`.`tag_id` WHERE ((`authz_j2`.`contact_id` = `Contact`.`id`) AND (CONVERT('public' USING utf8mb4) COLLATE utf8mb4_nopad_bin = `authz_t1`.`name`))))) OR (CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'ivan')))

-- contact.read.john
((`Contact`.`organization_id` = 1) AND (((`Contact`.`organization_id` = 1) AND (EXISTS (SELECT 1 FROM `contact_tags` AS `authz_j2` INNER JOIN `tags` AS `authz_t1` ON `authz_t1`.`id` = `authz_j2`.`tag_id` WHERE ((`authz_j2`.`contact_id` = `Contact`.`id`) AND (CONVERT('public' USING utf8mb4) COLLATE utf8mb4_nopad_bin = `authz_t1`.`name`))))) OR (`Contact`.`isActive` = TRUE) OR (CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'john')))

-- contact.read.sarah
((`Contact`.`organization_id` IN (1, 2)) AND (((`Contact`.`organization_id` IN (1, 2)) AND (EXISTS (SELECT 1 FROM `contact_tags` AS `authz_j2` INNER JOIN `tags` AS `authz_t1` ON `authz_t1`.`id` = `authz_j2`.`tag_id` WHERE ((`authz_j2`.`contact_id` = `Contact`.`id`) AND (CONVERT('public' USING utf8mb4) COLLATE utf8mb4_nopad_bin = `authz_t1`.`name`))))) OR (`Contact`.`isActive` = TRUE) OR (CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'sarah')))

-- contact.update.alice
(1=1)

-- contact.update.bruno
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'bruno') AND (`Contact`.`organization_id` = 2))

-- contact.update.geri
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'geri') AND (`Contact`.`organization_id` = 1))

-- contact.update.ivan
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'ivan') AND (`Contact`.`organization_id` = 2))

-- contact.update.john
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'john') AND (`Contact`.`organization_id` = 1))

-- contact.update.sarah
((CONVERT(`Contact`.`owner_id` USING utf8mb4) COLLATE utf8mb4_nopad_bin = 'sarah') AND (`Contact`.`organization_id` IN (1, 2)))

-- organization.addMember.alice
(1=1)

-- organization.addMember.john
(1=0)

-- organization.addMember.olga
(`Organization`.`id_copy` = 2)

-- organization.addMember.sarah
(`Organization`.`id_copy` = 1)

-- organization.listMembers.alice
(1=1)

-- organization.listMembers.john
(`Organization`.`id_copy` = 1)

-- organization.listMembers.olga
(`Organization`.`id_copy` = 2)

-- organization.listMembers.sarah
(`Organization`.`id_copy` IN (1, 2))

-- organization.read.alice
(1=1)

-- organization.read.john
(`Organization`.`id_copy` = 1)

-- organization.read.olga
(`Organization`.`id_copy` = 2)

-- organization.read.sarah
(`Organization`.`id_copy` IN (1, 2))

-- organization.readBilling.alice
(1=1)

-- organization.readBilling.john
(1=0)

-- organization.readBilling.olga
(`Organization`.`id_copy` = 2)

-- organization.readBilling.sarah
(`Organization`.`id_copy` = 1)
