ALTER TYPE "Mixed Case"."Mood ""q""" ADD VALUE '$$first$$' BEFORE 'it''s';
ALTER TYPE "Mixed Case"."Mood ""q""" ADD VALUE 'new
line' AFTER 'it''s';
ALTER TYPE "Mixed Case"."Mood ""q""" ADD VALUE 'a"b' AFTER E'back\\slash';
ALTER TYPE "Mixed Case"."Mood ""q""" ADD VALUE 'café ☕' AFTER 'Plain';
ALTER TYPE "Mixed Case"."Mood ""q""" ADD VALUE 'it''s ''last''';
