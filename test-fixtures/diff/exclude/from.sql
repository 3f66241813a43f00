CREATE TABLE public.bookings (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    during tsrange NOT NULL
);
