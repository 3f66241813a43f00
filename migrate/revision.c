/* placeholder until its owner writes it */
typedef int ag_placeholder_revision;
