-- The API limits text in characters (code points). PostgreSQL measures VARCHAR in characters too, but H2
-- measures it in UTF-16 code units, in which a character outside the BMP (an emoji, say) takes two; so on
-- H2 a title of 500 emoji failed as a database error. Doubling the text columns lets every text the API
-- accepts fit on both databases; the API's own limits (BodyFields) are unchanged.
alter table category alter column name set data type varchar(400);
alter table source alter column name set data type varchar(400);
alter table source alter column url set data type varchar(4000);
alter table article alter column title set data type varchar(1000);
alter table article alter column summary set data type varchar(10000);
alter table article alter column content set data type varchar(1000000);
alter table article alter column original_url set data type varchar(4000);
